package io.camelfreeswitch.examples.demo;

import io.camelfreeswitch.call.RingGroupOutcome;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.camel.FreeSwitchConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * BALANCING with agent capacity (maxCalls=1, wrapUpTime=2s): more groups at once than agents, so the extra groups end
 * UNAVAILABLE without ringing anyone; right after the calls every agent is in wrap-up; after it, they are offered again.
 */
final class CapacityScenario {

    private static final Duration HOLD = Duration.ofSeconds(1);

    private final ProducerTemplate template;
    private final InMemoryLoadBalancer balancer;
    private final ResultPrinter printer;

    CapacityScenario(ProducerTemplate template, InMemoryLoadBalancer balancer, ResultPrinter printer) {
        this.template = template;
        this.balancer = balancer;
        this.printer = printer;
    }

    void run(List<String> agents) throws Exception {
        int groups = agents.size() + 2;
        printer.title("Capacity: " + groups + " BALANCING groups at once over " + agents.size()
                + " agents, maxCalls=1 and wrapUpTime=2s");
        List<RingGroupResult> burst = ringAll(agents, groups);
        printer.line("  at once:           " + summary(burst));
        await(() -> balancer.loads().isEmpty());
        printer.line("  during wrap-up:    " + summary(List.of(ring(agents))));
        await(() -> agents.stream().noneMatch(balancer::isResting));
        printer.line("  after wrap-up:     " + summary(List.of(ring(agents))));
        await(() -> balancer.loads().isEmpty());
    }

    private List<RingGroupResult> ringAll(List<String> agents, int groups) throws Exception {
        Exchange exchange = template.request("direct:capacity-burst", e -> {
            e.getMessage().setBody(new ArrayList<>(IntStream.rangeClosed(1, groups).boxed().toList()));
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, agents);
            e.setProperty(DemoRoutes.HOLD_MILLIS, HOLD.toMillis());
        });
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        @SuppressWarnings("unchecked")
        List<RingGroupResult> results = exchange.getMessage().getBody(List.class);
        return results;
    }

    private RingGroupResult ring(List<String> agents) throws Exception {
        Exchange exchange = template.request("direct:capacity", e -> {
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, agents);
            e.setProperty(DemoRoutes.HOLD_MILLIS, 0);
        });
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange.getMessage().getBody(RingGroupResult.class);
    }

    private static String summary(List<RingGroupResult> results) {
        long answered = results.stream().filter(r -> r.outcome() == RingGroupOutcome.ANSWERED).count();
        long unavailable = results.stream().filter(r -> r.outcome() == RingGroupOutcome.UNAVAILABLE).count();
        int legs = results.stream().mapToInt(r -> r.legs().size()).sum();
        List<String> winners = results.stream().filter(r -> r.winner() != null)
                .map(r -> r.winner().destination()).sorted().toList();
        return answered + " ANSWERED, " + unavailable + " UNAVAILABLE, " + legs + " leg(s) rung"
                + (winners.isEmpty() ? "" : " " + winners);
    }

    /** A demo may poll: it waits for the calls' hang-ups and the wrap-up to be seen by the balancer. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
