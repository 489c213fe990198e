package io.camelfreeswitch.simulator.internal;

import java.util.Locale;

/** FreeSWITCH log level names and numbers. */
final class Logs {

    private Logs() {
    }

    static int level(String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "CONSOLE", "0" -> 0;
            case "ALERT", "1" -> 1;
            case "CRIT", "2" -> 2;
            case "ERR", "ERROR", "3" -> 3;
            case "WARNING", "4" -> 4;
            case "NOTICE", "5" -> 5;
            case "INFO", "6" -> 6;
            case "DEBUG", "7" -> 7;
            default -> {
                try {
                    yield Math.max(0, Math.min(7, Integer.parseInt(s)));
                } catch (NumberFormatException e) {
                    yield 7;
                }
            }
        };
    }

    static String name(int level) {
        return switch (level) {
            case 0 -> "CONSOLE";
            case 1 -> "ALERT";
            case 2 -> "CRIT";
            case 3 -> "ERR";
            case 4 -> "WARNING";
            case 5 -> "NOTICE";
            case 6 -> "INFO";
            default -> "DEBUG";
        };
    }
}
