package io.camelfreeswitch.esl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code text/event-json} body: one flat JSON object whose values are strings (sometimes numbers, and arrays
 * of strings for repeated headers). Strict: anything that is not one complete JSON object raises
 * {@link EslDecoderException}. A nested object is kept as its raw JSON text, so no header is lost. Values are not
 * URL-decoded (FreeSWITCH does not encode them in JSON); {@code _body} becomes the event body.
 */
final class JsonEventReader {
    private final byte[] data;
    private final int end;
    private int pos;
    private final List<String> names = new ArrayList<>(128);
    private final List<String> values = new ArrayList<>(128);
    private final StringBuilder sb = new StringBuilder(64);

    private JsonEventReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    static EslEvent read(byte[] data) {
        return new JsonEventReader(data, 0, data.length).readEvent();
    }

    private EslEvent readEvent() {
        skipWhitespace();
        expect('{');
        skipWhitespace();
        String body = null;
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                String name = readString();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                int before = values.size();
                readValue(name);
                if (name.equals("_body") && values.size() > before) {
                    body = values.get(before);
                }
                skipWhitespace();
                byte c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }
        skipWhitespace();
        if (pos != end) {
            throw error("unexpected data after the JSON object");
        }
        return new HeaderListEslEvent(names, values, body, EventFormat.JSON);
    }

    private void readValue(String name) {
        byte c = peek();
        if (c == '[') {
            pos++;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return;
            }
            while (true) {
                skipWhitespace();
                addScalarOrRaw(name);
                skipWhitespace();
                byte d = next();
                if (d == ']') {
                    return;
                }
                if (d != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }
        addScalarOrRaw(name);
    }

    private void addScalarOrRaw(String name) {
        byte c = peek();
        String value;
        if (c == '"') {
            value = readString();
        } else if (c == '{' || c == '[') {
            int from = pos;
            skipComposite();
            value = new String(data, from, pos - from, StandardCharsets.UTF_8);
        } else {
            value = readLiteral();
        }
        names.add(name);
        values.add(value);
    }

    private void skipComposite() {
        int depth = 0;
        do {
            byte c = next();
            if (c == '"') {
                pos--;
                readString();
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private String readLiteral() {
        int from = pos;
        while (pos < end) {
            byte c = data[pos];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
                    || (c >= 'a' && c <= 'z')) {
                pos++;
            } else {
                break;
            }
        }
        String literal = new String(data, from, pos - from, StandardCharsets.US_ASCII);
        if (literal.equals("true") || literal.equals("false") || literal.equals("null")
                || literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            return literal;
        }
        pos = from;
        throw error("invalid JSON value");
    }

    private String readString() {
        expect('"');
        int from = pos;
        // fast path: no escapes, plain UTF-8 bytes up to the closing quote
        while (pos < end) {
            byte c = data[pos];
            if (c == '"') {
                String s = new String(data, from, pos - from, StandardCharsets.UTF_8);
                pos++;
                return s;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                break;
            }
            pos++;
        }
        sb.setLength(0);
        sb.append(new String(data, from, pos - from, StandardCharsets.UTF_8));
        int chunk = pos;
        while (true) {
            if (pos >= end) {
                throw error("unterminated string");
            }
            byte c = data[pos];
            if (c == '"') {
                sb.append(new String(data, chunk, pos - chunk, StandardCharsets.UTF_8));
                pos++;
                return sb.toString();
            }
            if (c >= 0 && c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                sb.append(new String(data, chunk, pos - chunk, StandardCharsets.UTF_8));
                pos++;
                byte e = next();
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> sb.append(readUnicodeEscape());
                    default -> throw error("invalid escape");
                }
                chunk = pos;
            } else {
                pos++;
            }
        }
    }

    private char readUnicodeEscape() {
        if (pos + 4 > end) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(data[pos++], 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte c = data[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    private byte peek() {
        if (pos >= end) {
            throw error("unexpected end of JSON");
        }
        return data[pos];
    }

    private byte next() {
        byte c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private EslDecoderException error(String what) {
        return new EslDecoderException("malformed text/event-json body: " + what + " at offset " + pos);
    }
}
