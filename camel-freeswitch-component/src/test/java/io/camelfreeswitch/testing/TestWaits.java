package io.camelfreeswitch.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How long a test waits for what should happen at once: {@link #WELL_WITHIN}, a bound that only a failure reaches,
 * on a loaded machine too. It is written once, here, and Awaitility's default bound follows it (this extension is
 * registered for every test class), so that the mutation-testing profile can shorten every wait with one setting,
 * {@code -Dcamel-freeswitch.test.wellWithin=PT2S}: a mutant that drops a completion then fails its test within that
 * time, rather than being ended by PIT's timeout, which costs a new test JVM.
 *
 * <p>Awaitility also looks at once and then every {@link #POLL_INTERVAL}: its own default first looks after 100 ms, a
 * wait every test pays in its checks after the test, even when all is already done.
 */
public final class TestWaits implements BeforeAllCallback {

    public static final Duration WELL_WITHIN =
            Duration.parse(System.getProperty("camel-freeswitch.test.wellWithin", "PT10S"));
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultTimeout(WELL_WITHIN);
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(POLL_INTERVAL);
    }
}
