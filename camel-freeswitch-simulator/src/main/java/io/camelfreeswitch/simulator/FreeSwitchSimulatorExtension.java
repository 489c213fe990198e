package io.camelfreeswitch.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * JUnit 5 extension: a fresh simulator per test class ({@link #perClass()}) or per test ({@link #perTest()}).
 *
 * <pre>{@code
 * @RegisterExtension
 * static FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass().assertNoLiveChannelsAfterEach();
 * ... SIM.simulator(), SIM.port(), SIM.password()
 * }</pre>
 * Test methods may also declare a {@link FreeSwitchSimulator} or {@link SimulatorLedger} parameter.
 */
public final class FreeSwitchSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final boolean perTest;
    private BiConsumer<FreeSwitchSimulator.Builder, ExtensionContext> configurer = (b, context) -> { };
    private Duration noLiveChannelsTimeout;
    private FreeSwitchSimulator simulator;

    private FreeSwitchSimulatorExtension(boolean perTest) {
        this.perTest = perTest;
    }

    public static FreeSwitchSimulatorExtension perClass() {
        return new FreeSwitchSimulatorExtension(false);
    }

    public static FreeSwitchSimulatorExtension perTest() {
        return new FreeSwitchSimulatorExtension(true);
    }

    /** Customises the builder (password, reorderEvents, destinations...) before each simulator is built. */
    public FreeSwitchSimulatorExtension configure(Consumer<FreeSwitchSimulator.Builder> configurer) {
        return configure((builder, context) -> configurer.accept(builder));
    }

    /**
     * As {@link #configure(Consumer)}, knowing the test class (or, per test, the test) the simulator is built for:
     * a base class shared by many test classes can give some of them a {@link VirtualTime}.
     */
    public FreeSwitchSimulatorExtension configure(BiConsumer<FreeSwitchSimulator.Builder, ExtensionContext> configurer) {
        this.configurer = configurer;
        return this;
    }

    /** After each test, waits up to 5 s for every channel to be gone and fails the test otherwise. */
    public FreeSwitchSimulatorExtension assertNoLiveChannelsAfterEach() {
        return assertNoLiveChannelsAfterEach(Duration.ofSeconds(5));
    }

    public FreeSwitchSimulatorExtension assertNoLiveChannelsAfterEach(Duration timeout) {
        this.noLiveChannelsTimeout = timeout;
        return this;
    }

    public FreeSwitchSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator runs only while a test (or, per class, the class) runs");
        }
        return simulator;
    }

    public int port() {
        return simulator().port();
    }

    public String password() {
        return simulator().password();
    }

    public SimulatorLedger ledger() {
        return simulator().ledger();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest) {
            simulator = newSimulator(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perTest) {
            simulator = newSimulator(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (noLiveChannelsTimeout != null && simulator != null && context.getExecutionException().isEmpty()) {
                simulator.ledger().awaitNoLiveChannels(noLiveChannelsTimeout);
            }
        } finally {
            if (simulator != null && simulator.ledger().liveChannels() > 0) {
                // leftovers of this test must not ring into the next one
                simulator.hangupAll(Duration.ofSeconds(5));
            }
            if (perTest && simulator != null) {
                simulator.close();
                simulator = null;
            } else if (simulator != null) {
                simulator.faults().clear();
                if (!simulator.running()) {
                    simulator.start();
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perTest && simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    private FreeSwitchSimulator newSimulator(ExtensionContext context) {
        FreeSwitchSimulator.Builder b = FreeSwitchSimulator.builder();
        configurer.accept(b, context);
        return b.build().start();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FreeSwitchSimulator.class || type == SimulatorLedger.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SimulatorLedger.class ? simulator().ledger() : simulator();
    }
}
