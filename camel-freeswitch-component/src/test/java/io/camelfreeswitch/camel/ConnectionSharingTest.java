package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.AuthenticationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints that talk to the same FreeSWITCH with the same credentials share one connection, opened with the first
 * route that needs it and closed with the last.
 */
class ConnectionSharingTest extends FreeSwitchTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").routeId("a").to("freeswitch:api?command=status");
                from("direct:b").routeId("b").to("freeswitch:bgapi?command=status");
                from("direct:wrongPassword").routeId("wrong").to("freeswitch:api?command=status&password=nope");
            }
        };
    }

    private FreeSwitchConnectionManager manager() {
        return context.getComponent("freeswitch", FreeSwitchComponent.class).getConnectionManager();
    }

    @Test
    void routesShareOneConnectionOpenedWithTheFirstAndClosedWithTheLastOfThem() throws Exception {
        // opened when the routes started, before any message: a and b share one, the wrong password has its own
        assertThat(manager().openConnections()).isEqualTo(2);
        context.getRouteController().stopRoute("wrong");
        assertThat(manager().openConnections()).isEqualTo(1);
        assertThat(template.requestBody("direct:a", null, String.class)).contains("UP");
        assertThat(template.requestBody("direct:b", null, String.class)).contains("UP");

        context.getRouteController().stopRoute("a");
        assertThat(manager().openConnections()).isEqualTo(1);
        assertThat(template.requestBody("direct:b", null, String.class)).contains("UP");

        context.getRouteController().stopRoute("b");
        assertThat(manager().openConnections()).isZero();
    }

    @Test
    void anEventsRouteWithAWrongPasswordDoesNotStart() {
        int before = manager().openConnections();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("freeswitch:events?events=CHANNEL_ANSWER&password=wrong").routeId("wrongEvents").to("mock:x");
            }
        })).hasMessageContaining("refused the password");
        assertThat(manager().openConnections()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordFailsTheExchangeWithAnAuthenticationError() {
        Exchange exchange = template.request("direct:wrongPassword", e -> { });
        assertThat(exchange.getException()).isInstanceOf(AuthenticationException.class);
        assertThat(exchange.getException().getMessage()).contains("127.0.0.1:" + SIM.port());
        // a different password is a different connection, never the shared one
        assertThat(manager().openConnections()).isEqualTo(2);
    }
}
