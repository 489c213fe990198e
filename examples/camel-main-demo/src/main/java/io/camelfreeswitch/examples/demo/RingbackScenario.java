package io.camelfreeswitch.examples.demo;

import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.camel.FreeSwitchConstants;
import io.camelfreeswitch.simulator.PlaybackRecord;
import io.camelfreeswitch.simulator.SimulatorLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Ringback: a caller already in a call (answered and parked, as a call the dialplan hands over) waits while a group
 * rings for it. On the simulator the ledger shows what the caller heard, from when, and how it was stopped.
 */
final class RingbackScenario {

    private final ProducerTemplate template;
    private final SimulatorLedger ledger;
    private final ResultPrinter printer;

    /** {@code ledger} is null against a real FreeSWITCH, whose caller hears the tone but has no ledger to print. */
    RingbackScenario(ProducerTemplate template, SimulatorLedger ledger, ResultPrinter printer) {
        this.template = template;
        this.ledger = ledger;
        this.printer = printer;
    }

    void run(int number, String callerDial, List<String> destinations) throws Exception {
        Scenario scenario = new Scenario("PARALLEL, ringback: the caller hears " + DemoRoutes.RINGBACK_TONE
                + " while the group rings, until the winner is handed out", "direct:ringback", "PARALLEL", "5s",
                destinations);
        String caller = originate(callerDial);
        try {
            Exchange exchange = request(scenario.route(), e -> {
                e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, destinations);
                e.getMessage().setHeader(FreeSwitchConstants.CALLER_UUID, caller);
                e.setProperty(DemoRoutes.HOLD_MILLIS, 0);
            });
            RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);
            printer.scenario(number, scenario, result);
            if (ledger != null) {
                PlaybackRecord heard = ledger.awaitPlaybackStopped(caller, Duration.ofSeconds(10));
                printer.line("   " + heard(callerDial, heard, result));
            }
        } finally {
            request("direct:hangup", e -> e.getMessage().setHeader(FreeSwitchConstants.UUID, caller));
        }
    }

    /** The caller's channel, answered; the rest of its call is the group and the hang-up below. */
    private String originate(String callerDial) throws Exception {
        return request("direct:caller", e -> e.getMessage().setHeader(FreeSwitchConstants.DESTINATION, callerDial))
                .getMessage().getHeader(FreeSwitchConstants.UUID, String.class);
    }

    private Exchange request(String route, Processor prepare) throws Exception {
        Exchange exchange = template.request(route, prepare);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange;
    }

    /** Times count from the first leg's originate, as the group's own timings do. */
    private static String heard(String callerDial, PlaybackRecord heard, RingGroupResult result) {
        Instant origin = result.legs().stream().map(LegResult::ringStarted).min(Instant::compareTo)
                .orElse(heard.started());
        String when = result.winner() != null ? "as " + result.winner().destination() + " was handed out"
                : "as the group ended";
        return "caller " + callerDial + " heard " + heard.media() + " from "
                + ResultPrinter.seconds(Duration.between(origin, heard.started())) + " until "
                + ResultPrinter.seconds(Duration.between(origin, heard.stopped())) + ", stopped by "
                + heard.stoppedBy() + " " + when;
    }
}
