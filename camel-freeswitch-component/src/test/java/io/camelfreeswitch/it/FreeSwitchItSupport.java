package io.camelfreeswitch.it;

import io.camelfreeswitch.camel.FreeSwitchComponent;
import io.camelfreeswitch.camel.FreeSwitchConstants;
import io.camelfreeswitch.esl.EventFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Camel context whose freeswitch component points at the {@link FreeSwitchUnderTest}, with a freeswitch:events
 * route recording channel events, and the checks every IT ends with: {@code show channels count} back to 0. Each
 * test prints what it checked, so that a run against a real server reads as a report.
 */
@ExtendWith(FreeSwitchAvailable.class)
abstract class FreeSwitchItSupport {

    /** Generous for a real server on a network; the simulator answers in milliseconds. */
    static final Duration WITHIN = Duration.ofSeconds(15);
    private static final Pattern CHANNEL_COUNT = Pattern.compile("(\\d+) total");

    static CamelContext context;
    static ProducerTemplate template;
    static final ChannelEvents EVENTS = new ChannelEvents();

    /** Starts Camel against the FreeSWITCH under test, events in {@code format}, with the test's routes and beans. */
    static void startCamel(EventFormat format, RoutesBuilder routes, Map<String, Object> beans) throws Exception {
        FreeSwitchUnderTest freeswitch = FreeSwitchUnderTest.get();
        context = new DefaultCamelContext();
        beans.forEach(context.getRegistry()::bind);
        FreeSwitchComponent component = new FreeSwitchComponent();
        component.getConfiguration().setHost(freeswitch.host());
        component.getConfiguration().setPort(freeswitch.port());
        component.getConfiguration().setPassword(freeswitch.password());
        context.addComponent("freeswitch", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("freeswitch:events?events=CHANNEL_CREATE,CHANNEL_ANSWER,CHANNEL_BRIDGE,CHANNEL_HANGUP_COMPLETE"
                        + ",CHANNEL_EXECUTE_COMPLETE,DTMF"
                        + "&format=" + format).routeId("channel-events").process(EVENTS);
                from("direct:api").to("freeswitch:api?failOnErrorReply=false");
                // a busy phone fails the originate: expected, not worth an error log
                from("direct:probe").errorHandler(noErrorHandler()).to("freeswitch:originate");
            }
        });
        context.addRoutes(routes);
        context.start();
        template = context.createProducerTemplate();
        awaitEventsFlowing(uuid -> EVENTS.find("CHANNEL_HANGUP_COMPLETE", uuid).isPresent());
    }

    /**
     * An events route subscribes once FreeSWITCH has acknowledged, on a connection of its own when its format
     * differs from the producers'; a call placed right after the start could slip past it. Rings a busy phone
     * (no channel is left) until {@code seen} reports the probe's hang-up.
     */
    static void awaitEventsFlowing(Predicate<String> seen) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> {
            String probe = template.request("direct:probe", e -> e.getMessage().setHeader(
                    FreeSwitchConstants.DESTINATION, phone("busy"))).getMessage()
                    .getHeader(FreeSwitchConstants.UUID, String.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (!seen.test(probe) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return seen.test(probe);
        });
    }

    @AfterAll
    static void stopCamel() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }

    @BeforeEach
    void announce(TestInfo test) {
        EVENTS.clear();
        System.out.println("-- " + getClass().getSimpleName() + ": " + test.getDisplayName());
    }

    @AfterEach
    void everyChannelIsGone() {
        await().atMost(WITHIN).untilAsserted(() -> assertThat(channelCount()).isZero());
        checked("show channels count is back to 0");
    }

    /** Prints one thing the test verified on the FreeSWITCH under test. */
    static void checked(String format, Object... args) {
        System.out.println("   ok  " + String.format(format, args));
    }

    static int channelCount() {
        String reply = api("show channels count");
        Matcher m = CHANNEL_COUNT.matcher(reply);
        assertThat(m.find()).as("show channels count replied: %s", reply).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static String api(String command) {
        return template.requestBody("direct:api", command, String.class);
    }

    /** Hangs up channels the test kept (a winner, a caller); ones already gone are fine. */
    static void hangUp(List<String> uuids) {
        uuids.forEach(uuid -> api("uuid_kill " + uuid));
    }

    static String phone(String extension) {
        return FreeSwitchUnderTest.phone(extension);
    }
}
