package io.camelfreeswitch.esl.internal;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The few outer header names and values FreeSWITCH sends on nearly every frame, matched against the wire bytes so
 * the decoder need not allocate a String for them. Returned instances are canonical (identity comparable).
 */
final class HeaderNames {
    static final String CONTENT_LENGTH = "Content-Length";
    static final String CONTENT_TYPE = "Content-Type";
    static final String REPLY_TEXT = "Reply-Text";
    static final String JOB_UUID = "Job-UUID";
    static final String EVENT_PLAIN = "text/event-plain";
    static final String EVENT_JSON = "text/event-json";

    private static final String[] NAMES = {CONTENT_LENGTH, CONTENT_TYPE, REPLY_TEXT, JOB_UUID};
    private static final byte[][] NAME_BYTES = bytes(NAMES);
    private static final String[] VALUES = {EVENT_PLAIN, EVENT_JSON, "text/event-xml", "command/reply",
            "api/response", "auth/request", "text/disconnect-notice", "log/data", "+OK", "+OK accepted"};
    private static final byte[][] VALUE_BYTES = bytes(VALUES);

    private HeaderNames() {
    }

    static String lookup(ByteBuf in, int start, int end) {
        return match(in, start, end, NAMES, NAME_BYTES);
    }

    static String lookupValue(ByteBuf in, int start, int end) {
        return match(in, start, end, VALUES, VALUE_BYTES);
    }

    private static String match(ByteBuf in, int start, int end, String[] strings, byte[][] candidates) {
        int length = end - start;
        outer:
        for (int c = 0; c < candidates.length; c++) {
            byte[] candidate = candidates[c];
            if (candidate.length != length) {
                continue;
            }
            for (int i = 0; i < length; i++) {
                if (in.getByte(start + i) != candidate[i]) {
                    continue outer;
                }
            }
            return strings[c];
        }
        return null;
    }

    private static byte[][] bytes(String[] strings) {
        byte[][] result = new byte[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            result[i] = strings[i].getBytes(StandardCharsets.US_ASCII);
        }
        return result;
    }
}
