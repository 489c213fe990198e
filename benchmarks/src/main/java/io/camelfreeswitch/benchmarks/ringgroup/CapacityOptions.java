package io.camelfreeswitch.benchmarks.ringgroup;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@link RingGroupCapacity}. Without {@code --freeswitch} it measures against the simulator (in
 * this JVM, or in a child JVM with {@code --simulator-process}); with it, against that FreeSWITCH.
 *
 * @param destinations the group every scenario rings, or empty for each scenario's own (see {@link Groups})
 */
record CapacityOptions(double seconds, double warmup, int concurrency, List<String> scenarios,
                       boolean simulatorProcess, Optional<FreeSwitchAddress> freeswitch, List<String> destinations) {

    static final List<String> ALL_SCENARIOS = List.of("raw", "raw-same-events", "parallel", "sequential",
            "balancing-memory", "balancing-redis");
    static final String USAGE = "usage: RingGroupCapacity [--seconds 60] [--warmup 10] [--concurrency 16]"
            + " [--scenarios " + String.join(",", ALL_SCENARIOS) + "]"
            + " [--simulator-process | --freeswitch host:port[:password]] [--destinations a,b,c]";

    /** The ESL address of a FreeSWITCH: {@code host:port[:password]}, password ClueCon when left out. */
    record FreeSwitchAddress(String host, int port, String password) {

        static FreeSwitchAddress parse(String text) {
            String[] parts = text.split(":", 3);
            if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("--freeswitch needs host:port[:password], got '" + text + "'");
            }
            int port = number(parts[1], "--freeswitch port");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--freeswitch port must be 1-65535, got " + port);
            }
            String password = parts.length == 3 ? parts[2] : "ClueCon";
            if (password.isEmpty()) {
                throw new IllegalArgumentException("--freeswitch password is empty in '" + text + "'");
            }
            return new FreeSwitchAddress(parts[0], port, password);
        }

        @Override
        public String toString() {
            return host + ":" + port; // never the password
        }
    }

    static CapacityOptions parse(String... args) {
        double seconds = 60;
        double warmup = 10;
        int concurrency = 16;
        List<String> scenarios = ALL_SCENARIOS;
        boolean simulatorProcess = false;
        Optional<FreeSwitchAddress> freeswitch = Optional.empty();
        List<String> destinations = List.of();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--seconds" -> seconds = positive(decimal(value(args, ++i, option), option), option);
                case "--warmup" -> warmup = decimal(value(args, ++i, option), option);
                case "--concurrency" -> concurrency = (int) positive(number(value(args, ++i, option), option), option);
                case "--scenarios" -> scenarios = scenarios(value(args, ++i, option));
                case "--simulator-process" -> simulatorProcess = true;
                case "--freeswitch" -> freeswitch = Optional.of(FreeSwitchAddress.parse(value(args, ++i, option)));
                case "--destinations" -> destinations = destinations(value(args, ++i, option));
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must not be negative, got " + warmup);
        }
        if (simulatorProcess && freeswitch.isPresent()) {
            throw new IllegalArgumentException("--simulator-process and --freeswitch exclude each other: the first"
                    + " starts a simulator, the second measures a FreeSWITCH you run");
        }
        return new CapacityOptions(seconds, warmup, concurrency, scenarios, simulatorProcess, freeswitch,
                destinations);
    }

    /** What each scenario rings: the given destinations, else the dialplan's phones for the target. */
    Groups groups() {
        if (!destinations.isEmpty()) {
            return Groups.of(destinations);
        }
        return freeswitch.isPresent() ? Groups.IT_DIALPLAN : Groups.SIMULATOR;
    }

    private static List<String> scenarios(String list) {
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--scenarios is empty; choose from " + ALL_SCENARIOS);
        }
        for (String name : names) {
            if (!ALL_SCENARIOS.contains(name)) {
                throw new IllegalArgumentException("unknown scenario '" + name + "'; choose from " + ALL_SCENARIOS);
            }
        }
        return names;
    }

    private static List<String> destinations(String list) {
        List<String> destinations = Arrays.stream(list.split(",")).map(String::trim).toList();
        for (String destination : destinations) {
            if (destination.isEmpty() || destination.chars().anyMatch(c -> Character.isWhitespace(c)
                    || "{}[]|'".indexOf(c) >= 0)) {
                throw new IllegalArgumentException("--destinations takes plain dial strings separated by commas"
                        + " (user/1001,loopback/answer/camel-it), got '" + destination + "' in '" + list + "'");
            }
        }
        return destinations;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
        }
    }

    private static double decimal(String text, String option) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + text + "'");
        }
    }

    private static double positive(double value, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be greater than 0, got " + value);
        }
        return value;
    }
}
