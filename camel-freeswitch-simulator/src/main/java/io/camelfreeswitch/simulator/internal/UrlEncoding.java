package io.camelfreeswitch.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** FreeSWITCH's switch_url_encode: only SWITCH_URL_UNSAFE, control and non-ASCII bytes are escaped (',' '/' '(' stay). */
public final class UrlEncoding {

    private static final String UNSAFE = "\r\n #%&+:;<=>?@[\\]^`{|}\"";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlEncoding() {
    }

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < ' ' || c > '~' || UNSAFE.indexOf(c) >= 0) {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    public static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
