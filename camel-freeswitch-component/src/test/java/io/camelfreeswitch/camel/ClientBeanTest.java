package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.ConnectionState;
import io.camelfreeswitch.esl.EslClient;
import io.camelfreeswitch.esl.EslClientOptions;
import io.camelfreeswitch.simulator.FreeSwitchSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's own ESL client given as {@code client=#bean} is used as is and left open: its owner closes it. */
class ClientBeanTest {

    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass();

    @Test
    void theClientBeanIsUsedAndNotClosedWithTheRoutes() throws Exception {
        EslClient client = EslClient.connect(EslClientOptions.builder().host("127.0.0.1").port(SIM.port())
                .password(SIM.password()).build()).get(10, TimeUnit.SECONDS);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("myClient", client);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // host and port point nowhere: only the bean can make this work
                    from("direct:status").to("freeswitch:api?command=status&client=#myClient&port=1");
                }
            });
            context.start();
            assertThat(context.createProducerTemplate().requestBody("direct:status", null, String.class))
                    .contains("UP");
            context.stop();
            assertThat(client.state()).isEqualTo(ConnectionState.UP);
        } finally {
            client.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }
}
