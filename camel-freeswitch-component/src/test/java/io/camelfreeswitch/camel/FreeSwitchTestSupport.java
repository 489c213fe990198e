package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import io.camelfreeswitch.simulator.FreeSwitchSimulatorExtension;
import io.camelfreeswitch.simulator.SimulatorLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;


import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Camel context whose freeswitch component points at a simulated FreeSWITCH over a real socket, with one shared
 * in-memory balancer bound as {@code agents} (autowired into the component as its balancer). After every test
 * nothing may be left ringing or counted as load.
 */
abstract class FreeSwitchTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass();

    final InMemoryLoadBalancer agents = new InMemoryLoadBalancer();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        // bound before the component is added, as in any application, so that it is autowired as the balancer
        camelContext.getRegistry().bind("agents", agents);
        FreeSwitchComponent component = new FreeSwitchComponent();
        component.getConfiguration().setHost("127.0.0.1");
        component.getConfiguration().setPort(SIM.port());
        component.getConfiguration().setPassword(SIM.password());
        component.getConfiguration().setReconnectInitialDelay(50);
        component.getConfiguration().setReconnectMaxDelay(500);
        camelContext.addComponent("freeswitch", component);
        return camelContext;
    }

    @AfterEach
    void nothingLeftRingingNorCounted() {
        ledger().awaitNoLiveChannels(WELL_WITHIN);
        await().atMost(WELL_WITHIN).untilAsserted(() -> assertThat(agents.loads().values()).allMatch(n -> n == 0));
    }

    static FreeSwitchSimulator sim() {
        return SIM.simulator();
    }

    static SimulatorLedger ledger() {
        return sim().ledger();
    }

    /** Hangs up a channel a test left up on purpose (an answered winner), through the component itself. */
    void hangUp(Object uuid) {
        template.sendBodyAndHeader("freeswitch:hangup", null, FreeSwitchConstants.UUID, uuid);
    }
}
