package io.camelfreeswitch.esl.internal;

import java.nio.charset.StandardCharsets;

/**
 * FreeSWITCH's URL decoding ({@code switch_url_decode}): {@code %XX} becomes that byte, everything else, including
 * {@code +}, stays as is; a {@code %} not followed by two hex digits is kept literally. The bytes are then UTF-8.
 */
public final class UrlDecoding {
    private UrlDecoding() {
    }

    static String decode(byte[] data, int start, int end) {
        int percent = ByteSearch.indexOf(data, start, end, (byte) '%');
        if (percent == end) {
            return new String(data, start, end - start, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[end - start];
        int length = percent - start;
        System.arraycopy(data, start, out, 0, length);
        for (int i = percent; i < end; i++) {
            byte b = data[i];
            if (b == '%' && i + 2 < end) {
                int hi = hex(data[i + 1]);
                int lo = hex(data[i + 2]);
                if (hi >= 0 && lo >= 0) {
                    out[length++] = (byte) (hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            out[length++] = b;
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    public static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return decode(bytes, 0, bytes.length);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
