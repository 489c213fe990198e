package io.camelfreeswitch.examples.demo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo rings and where. With no {@code --freeswitch.host} it starts the embedded simulator and scripts the
 * agents below; with one it talks to that FreeSWITCH and the agents are whatever dial strings you give.
 *
 * @param host      FreeSWITCH's event socket host, or {@code null} for the embedded simulator
 * @param port      its port (8021 by default)
 * @param password  its password (ClueCon by default)
 * @param fast      an agent that answers after about a second
 * @param busy      an agent that is busy
 * @param never     an agent that never answers
 * @param slow      an agent that answers after a few seconds
 * @param confirmer an agent that answers, then presses 1 to take the call
 * @param caller    the caller the ringback scenario rings a group for (it should answer at once)
 * @param burst     the agents that share the balanced burst (they should answer quickly)
 * @param burstSize how many BALANCING groups the burst rings at once
 */
record DemoSettings(String host, int port, String password, String fast, String busy, String never, String slow,
        String confirmer, String caller, List<String> burst, int burstSize) {

    static final String USAGE = """
            usage: RingGroupDemo [--freeswitch.host=HOST --freeswitch.port=8021 --freeswitch.password=ClueCon]
                                 [--agent.fast=DIAL --agent.busy=DIAL --agent.never=DIAL --agent.slow=DIAL]
                                 [--agent.confirm=DIAL --caller=DIAL]
                                 [--burst.agents=DIAL,DIAL,... --burst.size=12]
              Without --freeswitch.host the embedded FreeSWITCH simulator is started and scripted.
              Against a FreeSWITCH with the captures' dialplan (see the README), for example:
                --freeswitch.host=10.0.0.5 --agent.fast=loopback/1001/default --agent.busy=loopback/1004/default
                --agent.never=loopback/1003/default --agent.slow=loopback/1002/default
                --agent.confirm=loopback/answer-after-2500-press-1-after-1200/camel-it (the integration tests' dialplan)
                --caller=loopback/1005/default
                --burst.agents=loopback/1005/default,loopback/answer-after-300/default""";

    static DemoSettings parse(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        // -Dfreeswitch.host=... works too, for exec:java users
        for (String key : List.of("freeswitch.host", "freeswitch.port", "freeswitch.password", "agent.fast",
                "agent.busy", "agent.never", "agent.slow", "agent.confirm", "caller", "burst.agents", "burst.size")) {
            if (!options.containsKey(key) && System.getProperty(key) != null) {
                options.put(key, System.getProperty(key));
            }
        }
        String host = options.remove("freeswitch.host");
        boolean simulated = host == null || host.isBlank();
        DemoSettings settings = new DemoSettings(
                simulated ? null : host,
                Integer.parseInt(take(options, "freeswitch.port", "8021")),
                take(options, "freeswitch.password", "ClueCon"),
                take(options, "agent.fast", "user/alice"),
                take(options, "agent.busy", "user/bob"),
                take(options, "agent.never", "user/carol"),
                take(options, "agent.slow", "user/dave"),
                take(options, "agent.confirm", "user/oscar"),
                take(options, "caller", "user/1000"),
                Arrays.stream(take(options, "burst.agents", "user/erin,user/frank,user/grace,user/heidi").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                Integer.parseInt(take(options, "burst.size", "12")));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + options.keySet() + "\n" + USAGE);
        }
        return settings;
    }

    boolean simulated() {
        return host == null;
    }

    private static String take(Map<String, String> options, String key, String fallback) {
        String value = options.remove(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}