package io.camelfreeswitch.it;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Disables the integration tests, reporting them skipped, when the FreeSWITCH insisted on is not there. */
public final class FreeSwitchAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return FreeSwitchUnderTest.unavailable().map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("the FreeSWITCH under test is up"));
    }
}
