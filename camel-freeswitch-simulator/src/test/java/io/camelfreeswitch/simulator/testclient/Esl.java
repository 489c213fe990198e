package io.camelfreeswitch.simulator.testclient;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Small conveniences over {@link RawEslClient} for the behaviour tests. */
public final class Esl {

    public static final Duration WAIT = Duration.ofSeconds(10);

    private Esl() {
    }

    /** Connected, authenticated, listening to ALL events in plain. */
    public static RawEslClient listening(int port, String password) throws IOException {
        RawEslClient c = RawEslClient.authenticated(port, password);
        c.send("event plain ALL");
        c.expect("command/reply");
        return c;
    }

    /** Sends bgapi and returns its Job-UUID. */
    public static String bgapi(RawEslClient c, String command) {
        c.send("bgapi " + command);
        Frame reply = c.expect("command/reply");
        if (!reply.replyText().startsWith("+OK Job-UUID: ")) {
            throw new AssertionError("bgapi refused: " + reply.raw());
        }
        return reply.header("Job-UUID");
    }

    /** Waits for the BACKGROUND_JOB of this job and returns its body. */
    public static String jobResult(RawEslClient c, String jobUuid) {
        return c.nextMatching(f -> f.isEvent() && "BACKGROUND_JOB".equals(f.eventName())
                && jobUuid.equals(f.event().get("Job-UUID")), WAIT).event().get("_body");
    }

    public static String api(RawEslClient c, String command) {
        c.send("api " + command);
        return c.expect("api/response").body();
    }

    /** Event names delivered so far for one channel, in order. */
    public static List<String> eventsOf(RawEslClient c, String uuid) {
        return Capture.eventNamesOf(c.seen(), uuid);
    }

    /** The first event of that name for that channel, already received or still to come. */
    public static Frame waitEvent(RawEslClient c, String name, String uuid) {
        for (Frame f : c.seen()) {
            if (f.isEvent() && name.equals(f.eventName()) && uuid.equals(f.event().get("Unique-ID"))) {
                return f;
            }
        }
        return c.nextMatching(f -> f.isEvent() && name.equals(f.eventName()) && uuid.equals(f.event().get("Unique-ID")), WAIT);
    }
}
