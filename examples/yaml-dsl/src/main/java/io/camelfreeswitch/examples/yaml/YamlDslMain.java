package io.camelfreeswitch.examples.yaml;

import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.apache.camel.main.Main;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs {@code routes/ring-group.camel.yaml} with Camel Main. The only Java here starts the embedded FreeSWITCH
 * simulator when no {@code --freeswitch.host=...} is given (with one, it talks to that FreeSWITCH); every other
 * {@code --key=value} overrides a property ({@code --support.destinations=user/1001,user/1002}).
 */
public final class YamlDslMain {

    private YamlDslMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(System.out, args));
    }

    /** Runs Camel Main until it stops (after one message by default); returns its exit code. */
    static int run(PrintStream out, String... args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        String host = null;
        String port = "8021";
        String password = null;
        for (String arg : args) {
            if (arg.startsWith("--freeswitch.host=")) {
                host = arg.substring("--freeswitch.host=".length());
            } else if (arg.startsWith("--freeswitch.port=")) {
                port = arg.substring("--freeswitch.port=".length());
            } else if (arg.startsWith("--freeswitch.password=")) {
                password = arg.substring("--freeswitch.password=".length());
            } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                properties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': use --freeswitch.host=HOST,"
                        + " --freeswitch.port=8021, --freeswitch.password=... or --property=value");
            }
        }
        FreeSwitchSimulator simulator = host == null
                ? FreeSwitchSimulator.builder().port(0).password("ClueCon").build().start() : null;
        try {
            Main main = new Main();
            properties.forEach(main::addOverrideProperty);
            if (simulator != null) {
                out.println("Embedded FreeSWITCH simulator on " + simulator.host() + ":" + simulator.port());
                main.addOverrideProperty("camel.component.freeswitch.host", simulator.host());
                main.addOverrideProperty("camel.component.freeswitch.port", Integer.toString(simulator.port()));
            } else {
                main.addOverrideProperty("camel.component.freeswitch.host", host);
                main.addOverrideProperty("camel.component.freeswitch.port", port);
            }
            if (password != null) {
                main.addInitialProperty("freeswitch.password", password);
                main.addOverrideProperty("camel.component.freeswitch.password", "{{freeswitch.password}}");
            }
            main.run();
            int exitCode = main.getExitCode();
            if (simulator != null) {
                simulator.ledger().awaitNoLiveChannels(Duration.ofSeconds(5));
                out.println("Simulator ledger: " + simulator.ledger().channels().stream()
                        .map(channel -> channel.destination() + " " + channel.hangupCause())
                        .collect(Collectors.joining(", ")) + "; " + simulator.ledger().liveChannels() + " live");
            }
            return exitCode;
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }
}
