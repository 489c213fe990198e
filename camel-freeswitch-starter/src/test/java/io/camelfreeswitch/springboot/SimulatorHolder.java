package io.camelfreeswitch.springboot;

import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One simulator per test class, started before the Spring context so that its port can be a property. */
final class SimulatorHolder {

    private SimulatorHolder() {
    }

    static FreeSwitchSimulator start() {
        return FreeSwitchSimulator.builder().password("s3cret").port(0).build().start();
    }

    static void connectionProperties(FreeSwitchSimulator sim, DynamicPropertyRegistry registry) {
        registry.add("camel.component.freeswitch.host", () -> "127.0.0.1");
        registry.add("camel.component.freeswitch.port", sim::port);
        registry.add("camel.component.freeswitch.password", sim::password);
        registry.add("camel.component.freeswitch.reconnect-initial-delay", () -> "100ms");
        registry.add("camel.component.freeswitch.reconnect-max-delay", () -> "300ms");
    }
}
