package io.camelfreeswitch.testing;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Skips the test bodies and lifecycle methods of the run that PIT's JUnit 5 plugin makes only to list a class's
 * tests. A mutation-testing JVM ("minion") lists the tests of every class that covers its mutants by running them,
 * unmutated, before the first mutant, and learns nothing from that run but the tests' names; a minion ended by a
 * timed-out mutant is replaced by one that runs them all again. Here that run costs a minute for a class of the call
 * model, most of a whole-scope mutation run. The mutants themselves run the tests in full.
 *
 * <p>Active only with {@code -Dcamel-freeswitch.test.pitListingRunsSkipped=true}, which the {@code pit} profile sets,
 * and only on a thread that is inside both PIT's mutation minion and the plugin's test finder (the coverage minion
 * learns coverage from that same run, so there it runs in full).
 */
public final class PitListingRuns implements InvocationInterceptor {

    private static final boolean ENABLED = Boolean.getBoolean("camel-freeswitch.test.pitListingRunsSkipped");
    private static final String MUTATION_MINION = "org.pitest.mutationtest.execute.MutationTestMinion";
    private static final String TEST_FINDER = "org.pitest.junit5.JUnit5TestUnitFinder";

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        proceedUnlessListing(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        proceedUnlessListing(invocation);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        proceedUnlessListing(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        proceedUnlessListing(invocation);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        proceedUnlessListing(invocation);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        proceedUnlessListing(invocation);
    }

    private static void proceedUnlessListing(Invocation<Void> invocation) throws Throwable {
        if (listingRun()) {
            invocation.skip();
        } else {
            invocation.proceed();
        }
    }

    /** Whether this thread is in the test-listing run of a mutation minion. */
    public static boolean listingRun() {
        if (!ENABLED) {
            return false;
        }
        return StackWalker.getInstance().walk(frames -> {
            boolean[] seen = new boolean[2];
            frames.forEach(frame -> {
                String name = frame.getClassName();
                seen[0] |= name.equals(TEST_FINDER);
                seen[1] |= name.equals(MUTATION_MINION);
            });
            return seen[0] && seen[1];
        });
    }
}
