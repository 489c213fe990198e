package io.camelfreeswitch.simulator.internal;

/**
 * {@code originate <dial string> <&app(args)|extension> [dialplan] [context] [cid_name] [cid_num] [timeout_sec]}.
 */
public record OriginateCommand(DialString dialString, String application, String applicationData,
                               boolean inline, String cidName, String cidNumber, Integer timeoutSeconds) {

    public static final String USAGE = "-USAGE: <call url> <exten>|&<application_name>(<app_args>) [<dialplan>] "
            + "[<context>] [<cid_name>] [<cid_num>] [<timeout_sec>]\n";

    public static OriginateCommand parse(String args) {
        String s = args.trim();
        int end = endOfDialString(s);
        if (end <= 0 || end >= s.length()) {
            throw new IllegalArgumentException(USAGE);
        }
        DialString dialString = DialString.parse(s.substring(0, end));
        String rest = s.substring(end).trim();
        String app;
        String data = "";
        boolean inline;
        String tail;
        if (rest.startsWith("&")) {
            inline = true;
            int paren = rest.indexOf('(');
            int space = rest.indexOf(' ');
            if (paren > 0 && (space < 0 || paren < space)) {
                int close = rest.lastIndexOf(')');
                if (close < paren) {
                    throw new IllegalArgumentException("-ERR unbalanced parenthesis in " + rest + "\n");
                }
                app = rest.substring(1, paren);
                data = rest.substring(paren + 1, close);
                tail = rest.substring(close + 1).trim();
            } else {
                app = space < 0 ? rest.substring(1) : rest.substring(1, space);
                tail = space < 0 ? "" : rest.substring(space + 1).trim();
            }
        } else {
            inline = false;
            int space = rest.indexOf(' ');
            app = space < 0 ? rest : rest.substring(0, space);
            tail = space < 0 ? "" : rest.substring(space + 1).trim();
        }
        String[] extra = tail.isEmpty() ? new String[0] : tail.split("\\s+");
        String cidName = extra.length > 2 && !"undef".equals(extra[2]) ? extra[2] : null;
        String cidNumber = extra.length > 3 && !"undef".equals(extra[3]) ? extra[3] : null;
        Integer timeout = null;
        if (extra.length > 4) {
            try {
                timeout = Integer.parseInt(extra[4]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-ERR invalid timeout " + extra[4] + "\n");
            }
        }
        return new OriginateCommand(dialString, app, data, inline, cidName, cidNumber, timeout);
    }

    /** The dial string ends at the first blank outside {}, [], <> and single quotes. */
    static int endOfDialString(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '{' || c == '[' || c == '<')) {
                depth++;
            } else if (!quoted && (c == '}' || c == ']' || c == '>')) {
                depth--;
            } else if (!quoted && depth == 0 && Character.isWhitespace(c)) {
                return i;
            }
        }
        return s.length();
    }
}
