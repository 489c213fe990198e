package io.camelfreeswitch.examples.demo;

import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.balancer.InMemoryLoadBalancer;
import io.camelfreeswitch.camel.FreeSwitchConstants;
import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import io.camelfreeswitch.simulator.SimulatorLedger;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * The camel-freeswitch demo: rings groups in every mode and a burst of balanced groups through Camel routes
 * (Camel Main, Java DSL) and prints what happened to every leg. By default it starts the embedded FreeSWITCH
 * simulator and scripts its agents; {@code --freeswitch.host=...} points it at a real FreeSWITCH instead.
 * Exits 0 when every group ran and (on the simulator) no channel was left up.
 */
public final class RingGroupDemo {

    private static final Duration BURST_HOLD = Duration.ofMillis(1500);

    private final DemoSettings settings;
    private final ResultPrinter printer;
    private final InMemoryLoadBalancer balancer = new InMemoryLoadBalancer();

    RingGroupDemo(DemoSettings settings, PrintStream out) {
        this.settings = settings;
        this.printer = new ResultPrinter(out);
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(System.out, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exitCode = 2;
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        // Maven's exec:java runs us inside its own JVM: say the exit code explicitly, do not wait for stray threads
        System.exit(exitCode);
    }

    /** Runs the whole demo, printing to {@code out}; returns the process exit code. */
    static int run(PrintStream out, String... args) throws Exception {
        DemoSettings settings = DemoSettings.parse(args);
        return new RingGroupDemo(settings, out).run();
    }

    private int run() throws Exception {
        FreeSwitchSimulator simulator = settings.simulated() ? startSimulator() : null;
        try {
            String host = simulator == null ? settings.host() : simulator.host();
            int port = simulator == null ? settings.port() : simulator.port();
            printer.title("camel-freeswitch demo: " + (simulator == null ? "FreeSWITCH at " + host + ":" + port
                    : "embedded FreeSWITCH simulator on " + host + ":" + port));
            if (simulator != null) {
                printer.agents(scriptedAgents());
            }
            boolean ok = runCamel(host, port, simulator == null ? settings.password() : simulator.password(),
                    simulator == null ? null : simulator.ledger());
            if (simulator != null) {
                printer.title("Simulator ledger: every channel the demo created, and how it ended");
                simulator.ledger().awaitNoLiveChannels(Duration.ofSeconds(10));
                printer.ledger(simulator.ledger());
            }
            printer.line("");
            printer.line(ok ? "Demo complete." : "Demo FAILED: see the errors above.");
            return ok ? 0 : 1;
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private FreeSwitchSimulator startSimulator() {
        FreeSwitchSimulator simulator = FreeSwitchSimulator.builder().port(0).password(settings.password()).build();
        simulator.destination(settings.fast(), Behaviour.answerAfter(Duration.ofSeconds(1)));
        simulator.destination(settings.busy(), Behaviour.busy());
        simulator.destination(settings.never(), Behaviour.noAnswer());
        simulator.destination(settings.slow(), Behaviour.answerAfter(Duration.ofMillis(2500)));
        simulator.destination(settings.confirmer(), Behaviour.answerThenPress(Duration.ofMillis(2500), "1",
                Duration.ofMillis(1200)));
        simulator.destination(settings.caller(), Behaviour.answerNow());
        settings.burst().forEach(agent -> simulator.destination(agent, Behaviour.answerAfter(Duration.ofMillis(300))));
        return simulator.start();
    }

    private Map<String, String> scriptedAgents() {
        Map<String, String> agents = new LinkedHashMap<>();
        agents.put(settings.fast(), "answers after 1 s");
        agents.put(settings.busy(), "busy (USER_BUSY)");
        agents.put(settings.never(), "rings, never answers");
        agents.put(settings.slow(), "answers after 2.5 s");
        agents.put(settings.confirmer(), "answers after 2.5 s, presses 1 1.2 s later");
        agents.put(settings.caller(), "the caller: answers at once, waits parked while a group rings for it");
        settings.burst().forEach(agent -> agents.put(agent, "answers after 0.3 s (burst agent)"));
        return agents;
    }

    /** Starts Camel Main with the demo's routes, rings every scenario once it is up, then stops it. */
    private boolean runCamel(String host, int port, String password, SimulatorLedger ledger) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new DemoRoutes());
        main.bind("balancer", balancer);
        main.addOverrideProperty("camel.component.freeswitch.host", host);
        main.addOverrideProperty("camel.component.freeswitch.port", Integer.toString(port));
        // through a placeholder, as Camel recommends for secrets (an environment variable or vault in production)
        main.addInitialProperty("freeswitch.password", password);
        main.addOverrideProperty("camel.component.freeswitch.password", "{{freeswitch.password}}");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                Thread scenarios = new Thread(() -> {
                    try {
                        ringEverything(main.getCamelTemplate(), ledger);
                    } catch (Throwable e) {
                        failure.set(e);
                    } finally {
                        main.completed();
                    }
                }, "demo-scenarios");
                scenarios.start();
            }
        });
        main.run();
        if (failure.get() != null) {
            printer.line("ERROR: " + failure.get());
            failure.get().printStackTrace();
            return false;
        }
        return true;
    }

    private void ringEverything(ProducerTemplate template, SimulatorLedger ledger) throws Exception {
        List<Scenario> scenarios = List.of(
                new Scenario("PARALLEL: all ring at once; the first to answer wins, the others get LOSE_RACE",
                        "direct:parallel", "PARALLEL", "5s",
                        List.of(settings.fast(), settings.busy(), settings.never(), settings.slow())),
                new Scenario("SEQUENTIAL: one at a time in order; busy moves on at once, no answer after the timeout",
                        "direct:sequential", "SEQUENTIAL", "2s",
                        List.of(settings.busy(), settings.never(), settings.fast())),
                new Scenario("BALANCING: least-loaded first (ties in group order) through the shared balancer",
                        "direct:balancing", "BALANCING", "2s",
                        List.of(settings.slow(), settings.fast())),
                new Scenario("PARALLEL, short timeout: nobody answers in time -> NO_ANSWER, an outcome to route on",
                        "direct:parallel-short", "PARALLEL", "1s",
                        List.of(settings.never(), settings.slow())),
                new Scenario("TIERED: the first tier (busy, no answer) rings 2 s, then the next tier",
                        "direct:tiered", "TIERED", "2s",
                        List.of(settings.busy(), settings.never() + "|" + settings.fast())),
                new Scenario("ENTERPRISE: each its own delay and timeout; one gives up after 1 s, one starts 1 s late",
                        "direct:enterprise", "ENTERPRISE", "5s",
                        List.of(settings.never() + ";timeout=1s", settings.fast() + ";delay=1s")),
                new Scenario("RANDOM: one at a time in a random order",
                        "direct:random", "RANDOM", "2s",
                        List.of(settings.busy(), settings.never(), settings.fast())),
                new Scenario("ROUND_ROBIN: one at a time, starting after whoever answered last in this group",
                        "direct:round-robin", "ROUND_ROBIN", "3s",
                        List.of(settings.fast(), settings.slow())),
                new Scenario("ROUND_ROBIN again: the same group starts after the one that answered the last call",
                        "direct:round-robin", "ROUND_ROBIN", "3s",
                        List.of(settings.fast(), settings.slow())),
                new Scenario("MEMORY_HUNT: the first, then the first two, then the first three, 2 s a step;"
                        + " busy takes the next step at once",
                        "direct:memory-hunt", "MEMORY_HUNT", "2s",
                        List.of(settings.busy(), settings.never(), settings.fast())),
                new Scenario("Caller ID prefix: the legs are shown 'Sales: ' + the caller's name and 9 + the number",
                        "direct:prefixed", "PARALLEL", "5s",
                        List.of(settings.fast())),
                new Scenario("PARALLEL, confirmKey=1: an answer counts once the callee presses 1; who answers and"
                        + " does not press it within 2 s is UNCONFIRMED", "direct:confirmed", "PARALLEL", "5s",
                        List.of(settings.fast(), settings.confirmer(), settings.never())));
        String status = template.requestBody("direct:status", "", String.class);
        printer.line("FreeSWITCH says: " + status.lines().findFirst().orElse(status));
        printer.title("Ring groups, one mode at a time");
        int number = 1;
        for (Scenario scenario : scenarios) {
            Exchange exchange = template.request(scenario.route(), e -> {
                // the header's String form, as the destinations option writes it (tiers with |, timing after ;)
                e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, String.join(",", scenario.destinations()));
                e.setProperty(DemoRoutes.HOLD_MILLIS, 0);
            });
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            RingGroupResult result = exchange.getMessage().getBody(RingGroupResult.class);
            printer.scenario(number++, scenario, result);
            String callerIdShown = exchange.getMessage().getHeader(DemoRoutes.CALLER_ID_SHOWN, String.class);
            if (callerIdShown != null) {
                printer.line("   caller ID name the answered leg was shown: '" + callerIdShown.strip() + "'");
            }
        }
        new RingbackScenario(template, ledger, printer).run(number, settings.caller(),
                List.of(settings.fast(), settings.never()));
        burst(template);
        new CapacityScenario(template, balancer, printer).run(settings.burst());
    }

    private void burst(ProducerTemplate template) throws Exception {
        List<String> agents = settings.burst();
        printer.title("Burst: " + settings.burstSize() + " BALANCING groups at once over " + agents.size()
                + " agents, one shared InMemoryLoadBalancer");
        printer.line("Each answered call is held " + ResultPrinter.seconds(BURST_HOLD)
                + " (loadScope=CALL: it counts as load until it hangs up), so the balancer spreads the groups:");
        long started = System.nanoTime();
        Exchange exchange = template.request("direct:burst", e -> {
            e.getMessage().setBody(new ArrayList<>(IntStream.rangeClosed(1, settings.burstSize()).boxed().toList()));
            e.getMessage().setHeader(FreeSwitchConstants.DESTINATIONS, agents);
            e.setProperty(DemoRoutes.HOLD_MILLIS, BURST_HOLD.toMillis());
        });
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        @SuppressWarnings("unchecked")
        List<RingGroupResult> results = exchange.getMessage().getBody(List.class);
        printer.burst(results, agents, Duration.ofNanos(System.nanoTime() - started));
        // a lease ends when FreeSWITCH reports its call's CHANNEL_HANGUP_COMPLETE, a moment after our hang-up
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!balancer.loads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        printer.line("balancer load once their calls ended: "
                + (balancer.loads().isEmpty() ? "0 on every agent" : balancer.loads()));
    }
}
