package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LeaseScope;
import io.camelfreeswitch.call.RingMode;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Component options are the defaults of every endpoint; an endpoint's own options change only that endpoint. */
class EndpointConfigurationTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void endpointsInheritComponentOptionsAndOverrideThemAlone() {
        FreeSwitchComponent component = new FreeSwitchComponent();
        component.getConfiguration().setHost("10.0.0.5");
        component.getConfiguration().setPassword("s3cret");
        component.getConfiguration().setVariables(Map.of("origination_caller_id_name", "Support"));
        context.addComponent("freeswitch", component);
        context.start();

        FreeSwitchEndpoint first = context.getEndpoint(
                "freeswitch:ringGroup?destinations=user/1001,user/1002&mode=SEQUENTIAL&loadScope=RINGING"
                        + "&variable.origination_caller_id_number=1000&port=8022", FreeSwitchEndpoint.class);
        FreeSwitchEndpoint second = context.getEndpoint("freeswitch:api?command=status", FreeSwitchEndpoint.class);

        assertThat(first.getOperation()).isEqualTo(FreeSwitchOperation.ringGroup);
        assertThat(first.getConfiguration().getHost()).isEqualTo("10.0.0.5");
        assertThat(first.getConfiguration().getPort()).isEqualTo(8022);
        assertThat(first.getConfiguration().getMode()).isEqualTo(RingMode.SEQUENTIAL);
        assertThat(first.getConfiguration().getLoadScope()).isEqualTo(LeaseScope.RINGING);
        assertThat(first.getConfiguration().getVariables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "origination_caller_id_name", "Support", "origination_caller_id_number", "1000"));

        assertThat(second.getConfiguration().getPort()).isEqualTo(8021);
        assertThat(second.getConfiguration().getPassword()).isEqualTo("s3cret");
        assertThat(second.getConfiguration().getVariables()).containsOnlyKeys("origination_caller_id_name");
        assertThat(component.getConfiguration().getVariables()).containsOnlyKeys("origination_caller_id_name");
    }

    @Test
    void filtersAreMultiValueOptions() {
        FreeSwitchEndpoint endpoint = context.getEndpoint(
                "freeswitch:events?events=CHANNEL_ANSWER,CHANNEL_HANGUP_COMPLETE&filter.Unique-ID=abc"
                        + "&filter.Caller-Caller-ID-Number=1000", FreeSwitchEndpoint.class);
        assertThat(endpoint.getConfiguration().getFilters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("Unique-ID", "abc", "Caller-Caller-ID-Number", "1000"));
    }

    @Test
    void theOperationIsReadIgnoringCase() {
        assertThat(context.getEndpoint("freeswitch:ringgroup?destinations=user/1", FreeSwitchEndpoint.class)
                .getOperation()).isEqualTo(FreeSwitchOperation.ringGroup);
    }

    @Test
    void theServiceLocationIsTheEventSocket() {
        FreeSwitchEndpoint endpoint = context.getEndpoint("freeswitch:api?host=fs.example&port=8022",
                FreeSwitchEndpoint.class);
        assertThat(endpoint.getServiceUrl()).isEqualTo("fs.example:8022");
        assertThat(endpoint.getServiceProtocol()).isEqualTo("esl");
    }

    @Test
    void eventSelectionUnderstandsAllAndCustomSubclasses() {
        EventsConsumer.EventSelection selection = EventsConsumer.EventSelection
                .parse("channel_answer, CUSTOM sofia::register sofia::unregister");
        assertThat(selection.subscriptionNames())
                .containsExactly("CHANNEL_ANSWER", "CUSTOM sofia::register sofia::unregister");
        assertThat(selection.listenerNames()).containsExactlyInAnyOrder("CHANNEL_ANSWER", "CUSTOM");
        assertThat(selection.customSubclasses()).containsExactlyInAnyOrder("sofia::register", "sofia::unregister");
        assertThat(EventsConsumer.EventSelection.parse("ALL,CHANNEL_ANSWER").listenerNames()).containsExactly("ALL");
    }
}
