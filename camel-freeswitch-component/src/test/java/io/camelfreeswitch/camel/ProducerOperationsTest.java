package io.camelfreeswitch.camel;

import io.camelfreeswitch.esl.CommandRejectedException;
import io.camelfreeswitch.esl.EslEvent;
import io.camelfreeswitch.simulator.ChannelRecord;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;

/** Each producer operation against the simulated FreeSWITCH. */
class ProducerOperationsTest extends FreeSwitchTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:status").to("freeswitch:api?command=status");
                from("direct:api").to("freeswitch:api");
                from("direct:lenientApi").to("freeswitch:api?failOnErrorReply=false");
                from("direct:bgapi").to("freeswitch:bgapi");
                from("direct:lenientBgapi").to("freeswitch:bgapi?failOnErrorReply=false");
                from("direct:originate").to("freeswitch:originate?variable.origination_caller_id_number=1000");
                from("direct:hangup").to("freeswitch:hangup?hangupCause=CALL_REJECTED");
                from("direct:bridge").to("freeswitch:bridge");
                from("direct:execute").to("freeswitch:execute?application=set&applicationArgument=camel=yes");
                from("direct:sendEvent").to("freeswitch:sendEvent?eventName=CUSTOM");
            }
        };
    }

    private String originate(String destination) {
        Exchange exchange = template.request("direct:originate",
                e -> e.getMessage().setHeader(FreeSwitchConstants.DESTINATION, destination));
        assertThat(exchange.getException()).isNull();
        String uuid = exchange.getMessage().getHeader(FreeSwitchConstants.UUID, String.class);
        assertThat(exchange.getMessage().getBody()).isEqualTo(uuid);
        return uuid;
    }

    @Test
    void apiPutsTheReplyInTheBody() {
        assertThat(template.requestBody("direct:status", null, String.class)).contains("UP");
        assertThat(template.requestBody("direct:api", "echo hello camel", String.class)).contains("hello camel");
    }

    @Test
    void apiErrorFailsTheExchangeWithFreeSwitchsText() {
        Exchange exchange = template.request("direct:api", e -> e.getMessage().setBody("uuid_kill no-such-channel"));
        assertThat(exchange.getException()).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("-ERR");
    }

    @Test
    void apiErrorCanBeKeptInTheBody() {
        Exchange exchange = template.request("direct:lenientApi",
                e -> e.getMessage().setBody("uuid_kill no-such-channel"));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).startsWith("-ERR");
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.ERROR_REPLY)).isEqualTo(true);
    }

    @Test
    void bgapiCompletesWithTheBackgroundJobResult() {
        Exchange exchange = template.request("direct:bgapi", e -> e.getMessage().setBody("status"));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).contains("UP");
        assertThat(exchange.getMessage().getHeader(FreeSwitchConstants.JOB_UUID, String.class)).isNotBlank();
    }

    @Test
    void bgapiErrorFailsOrIsKeptInTheBody() {
        Exchange strict = template.request("direct:bgapi", e -> e.getMessage().setBody("originate sim/busy &park()"));
        assertThat(strict.getException()).isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("USER_BUSY");
        Exchange lenient = template.request("direct:lenientBgapi",
                e -> e.getMessage().setBody("originate sim/busy &park()"));
        assertThat(lenient.getException()).isNull();
        assertThat(lenient.getMessage().getBody(String.class)).contains("USER_BUSY");
    }

    @Test
    void originateCreatesAChannelWithOurUuidAndVariables() {
        String uuid = originate("sim/answer");
        ChannelRecord record = ledger().awaitAnswered(uuid, WELL_WITHIN);
        assertThat(record.destination()).isEqualTo("sim/answer");
        hangUp(uuid);
        ledger().awaitHangup(uuid, "NORMAL_CLEARING", WELL_WITHIN);
    }

    @Test
    void hangupUsesTheConfiguredCause() {
        String uuid = originate("sim/answer");
        template.sendBodyAndHeader("direct:hangup", null, FreeSwitchConstants.UUID, uuid);
        ledger().awaitHangup(uuid, "CALL_REJECTED", WELL_WITHIN);
    }

    @Test
    void hangupCauseHeaderOverridesTheOption() {
        String uuid = originate("sim/answer");
        template.sendBodyAndHeaders("direct:hangup", null,
                Map.of(FreeSwitchConstants.UUID, uuid, FreeSwitchConstants.HANGUP_CAUSE, "USER_BUSY"));
        ledger().awaitHangup(uuid, "USER_BUSY", WELL_WITHIN);
    }

    @Test
    void bridgeJoinsTwoChannels() {
        String first = originate("sim/answer");
        String second = originate("sim/answer");
        Exchange exchange = template.request("direct:bridge", e -> {
            e.getMessage().setHeader(FreeSwitchConstants.UUID, first);
            e.getMessage().setHeader(FreeSwitchConstants.OTHER_UUID, second);
        });
        assertThat(exchange.getException()).isNull();
        ledger().awaitChannel(record -> record.uuid().equals(first) && record.bridged() != null, WELL_WITHIN);
        // hanging up one side of a bridge ends the other
        hangUp(first);
        ledger().awaitHangup(second, WELL_WITHIN);
    }

    @Test
    void bridgeWithoutASecondChannelSaysWhichHeaderIsMissing() {
        Exchange exchange = template.request("direct:bridge",
                e -> e.getMessage().setHeader(FreeSwitchConstants.UUID, "abc"));
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(FreeSwitchConstants.OTHER_UUID);
    }

    @Test
    void executeCompletesAtChannelExecuteComplete() {
        String uuid = originate("sim/answer");
        Exchange exchange = template.request("direct:execute",
                e -> e.getMessage().setHeader(FreeSwitchConstants.UUID, uuid));
        assertThat(exchange.getException()).isNull();
        EslEvent complete = exchange.getMessage().getBody(EslEvent.class);
        assertThat(complete.eventName()).isEqualTo("CHANNEL_EXECUTE_COMPLETE");
        assertThat(complete.header("Application")).isEqualTo("set");
        hangUp(uuid);
    }

    @Test
    void aUuidWithALineBreakIsRefusedBeforeAnythingIsSent() {
        Exchange exchange = template.request("direct:hangup",
                e -> e.getMessage().setHeader(FreeSwitchConstants.UUID, "abc\r\napi hupall"));
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a channel Unique-ID");
    }

    @Test
    void sendEventIsAccepted() {
        Exchange exchange = template.request("direct:sendEvent", e -> {
            e.getMessage().setHeader(FreeSwitchConstants.EVENT_HEADERS, Map.of("Event-Subclass", "camel::test"));
            e.getMessage().setBody("hello");
        });
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("hello");
    }
}
