package io.camelfreeswitch.esl;

/**
 * The wire formats of FreeSWITCH events this library reads ({@code event plain|json ...}). FreeSWITCH's third
 * format, {@code xml}, is not one of them: it carries the same headers as the other two, and PLAIN or JSON serve
 * every use.
 */
public enum EventFormat {
    PLAIN("plain", "text/event-plain"),
    JSON("json", "text/event-json");

    private final String keyword;
    private final String contentType;

    EventFormat(String keyword, String contentType) {
        this.keyword = keyword;
        this.contentType = contentType;
    }

    /** The word used in the {@code event} and {@code myevents} commands. */
    public String keyword() {
        return keyword;
    }

    /** The {@code Content-Type} of frames carrying events of this format. */
    public String contentType() {
        return contentType;
    }
}
