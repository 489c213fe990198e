package io.camelfreeswitch.karaf.route;

import java.util.Properties;

import org.apache.camel.builder.RouteBuilder;

/**
 * Rings the destinations once, in parallel, writes how the group ended to outcome.txt (or the failure to error.txt)
 * in the report directory, where the test outside Karaf reads it, then hangs up the winner.
 */
public final class RingGroupRoute extends RouteBuilder {

    private final Properties settings;

    RingGroupRoute(Properties settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        String report = "file:" + settings.getProperty("report.dir");

        onException(Exception.class).handled(true)
                .setBody(simple("${exception.stacktrace}"))
                .to(report + "?fileName=error.txt");

        String freeswitch = "?host=127.0.0.1&port=" + settings.getProperty("esl.port")
                + "&password=" + settings.getProperty("esl.password");

        from("timer:karaf-ring-group?repeatCount=1&delay=200").routeId("karaf-ring-group")
                .to("freeswitch:ringGroup" + freeswitch
                        + "&destinations=" + settings.getProperty("destinations") + "&mode=PARALLEL&timeout=10000")
                .setBody(simple("${header.CamelFreeSwitchRingGroupOutcome} ${header.CamelFreeSwitchAnsweredDestination}"
                        + " ${header.CamelFreeSwitchAnsweredUuid}"))
                .to(report + "?fileName=outcome.txt")
                // the call is over: hang up the winner too, so that no channel outlives the route
                .setHeader("CamelFreeSwitchUuid", header("CamelFreeSwitchAnsweredUuid"))
                .to("freeswitch:hangup" + freeswitch);
    }
}
