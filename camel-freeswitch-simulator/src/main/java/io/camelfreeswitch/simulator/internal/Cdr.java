package io.camelfreeswitch.simulator.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The call-detail variables FreeSWITCH adds before CHANNEL_HANGUP_COMPLETE (names as in the captures). */
final class Cdr {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Cdr() {
    }

    static void addHangupVariables(SimChannel ch) {
        var v = ch.variables;
        long start = ch.createdMicros;
        long end = ch.hangupMicros;
        long answer = ch.answeredMicros;
        long progress = ch.progressMicros;
        long media = ch.progressMediaMicros;
        v.putIfAbsent("endpoint_disposition", answer != 0 ? "ANSWER" : "DELAYED NEGOTIATION");
        v.put("current_application", ch.mainApp != null ? ch.mainApp : v.getOrDefault("current_application", "park"));
        v.put("digits_dialed", "none");
        v.put("start_stamp", stamp(start));
        v.put("profile_start_stamp", stamp(start));
        if (answer != 0) {
            v.put("answer_stamp", stamp(answer));
        }
        if (progress != 0) {
            v.put("progress_stamp", stamp(progress));
        }
        if (media != 0) {
            v.put("progress_media_stamp", stamp(media));
        }
        v.put("end_stamp", stamp(end));
        v.put("start_epoch", String.valueOf(start / 1_000_000));
        v.put("start_uepoch", String.valueOf(start));
        v.put("profile_start_epoch", String.valueOf(start / 1_000_000));
        v.put("profile_start_uepoch", String.valueOf(start));
        v.put("answer_epoch", String.valueOf(answer / 1_000_000));
        v.put("answer_uepoch", String.valueOf(answer));
        v.put("bridge_epoch", String.valueOf(ch.bridgedMicros / 1_000_000));
        v.put("bridge_uepoch", String.valueOf(ch.bridgedMicros));
        v.put("last_hold_epoch", "0");
        v.put("last_hold_uepoch", "0");
        v.put("hold_accum_seconds", "0");
        v.put("hold_accum_usec", "0");
        v.put("hold_accum_ms", "0");
        v.put("resurrect_epoch", "0");
        v.put("resurrect_uepoch", "0");
        v.put("progress_epoch", String.valueOf(progress / 1_000_000));
        v.put("progress_uepoch", String.valueOf(progress));
        v.put("progress_media_epoch", String.valueOf(media / 1_000_000));
        v.put("progress_media_uepoch", String.valueOf(media));
        v.put("end_epoch", String.valueOf(end / 1_000_000));
        v.put("end_uepoch", String.valueOf(end));
        v.put("last_app", ch.mainApp != null ? ch.mainApp : "park");
        v.put("caller_id", "\"" + (ch.callerIdName == null ? "" : ch.callerIdName) + "\" <" + ch.callerIdNumber + ">");
        long dur = end - start;
        long bill = answer == 0 ? 0 : end - answer;
        long prog = progress == 0 ? 0 : progress - start;
        long ans = answer == 0 ? 0 : answer - start;
        long pm = media == 0 ? 0 : media - start;
        put(v, "duration", "mduration", "uduration", dur);
        put(v, "billsec", "billmsec", "billusec", bill);
        put(v, "progresssec", "progressmsec", "progressusec", prog);
        put(v, "answersec", "answermsec", "answerusec", ans);
        put(v, "waitsec", "waitmsec", "waitusec", 0);
        put(v, "progress_mediasec", "progress_mediamsec", "progress_mediausec", pm);
        put(v, "flow_billsec", "flow_billmsec", "flow_billusec", dur);
        if ("loopback".equals(v.get("originate_endpoint"))) {
            v.put("is_loopback", "1");
        }
    }

    private static void put(java.util.Map<String, String> v, String sec, String msec, String usec, long micros) {
        v.put(sec, String.valueOf(micros / 1_000_000));
        v.put(msec, String.valueOf(micros / 1000));
        v.put(usec, String.valueOf(micros));
    }

    private static String stamp(long micros) {
        return STAMP.format(Instant.ofEpochMilli(micros / 1000));
    }
}
