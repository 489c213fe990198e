package io.camelfreeswitch.simulator.testclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses the flat string-valued JSON objects FreeSWITCH events are (enough for tests, keeps key order). */
public final class MiniJson {

    private MiniJson() {
    }

    public static List<Map.Entry<String, String>> parseObject(String s) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        int[] pos = {skip(s, 0)};
        expect(s, pos, '{');
        pos[0] = skip(s, pos[0]);
        if (s.charAt(pos[0]) == '}') {
            return out;
        }
        while (true) {
            pos[0] = skip(s, pos[0]);
            String key = string(s, pos);
            pos[0] = skip(s, pos[0]);
            expect(s, pos, ':');
            pos[0] = skip(s, pos[0]);
            String value = string(s, pos);
            out.add(Map.entry(key, value));
            pos[0] = skip(s, pos[0]);
            char c = s.charAt(pos[0]++);
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw new IllegalArgumentException("bad JSON at " + pos[0] + ": " + s);
            }
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void expect(String s, int[] pos, char c) {
        if (s.charAt(pos[0]) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + pos[0] + ": " + s);
        }
        pos[0]++;
    }

    private static String string(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                char e = s.charAt(pos[0]++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
                        pos[0] += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
    }
}
