package io.camelfreeswitch.benchmarks.ringgroup;

import java.util.List;

/**
 * The destinations each scenario rings. The raw client and the PARALLEL scenario need one phone that answers and
 * others that do not; SEQUENTIAL, failures before the answer; BALANCING, phones that all answer.
 */
record Groups(List<String> parallel, List<String> sequential, List<String> balancing) {

    /** The simulator's own dial strings. */
    static final Groups SIMULATOR = new Groups(List.of("sim/no-answer", "sim/answer", "sim/no-answer"),
            List.of("sim/busy", "sim/busy", "sim/answer"), List.of("sim/answer", "sim/1005", "sim/answer-after-0"));

    /** The same phones in camel_it_dialplan.xml (which the simulator dials the same way). */
    static final Groups IT_DIALPLAN = new Groups(
            List.of(phone("no-answer"), phone("answer"), phone("no-answer")),
            List.of(phone("busy"), phone("busy"), phone("answer")),
            List.of(phone("answer"), phone("answer-after-0"), phone("answer-after-1")));

    /** One list for every scenario: yours, when you measure your own phones. */
    static Groups of(List<String> destinations) {
        return new Groups(destinations, destinations, destinations);
    }

    private static String phone(String extension) {
        return "loopback/" + extension + "/camel-it";
    }
}
