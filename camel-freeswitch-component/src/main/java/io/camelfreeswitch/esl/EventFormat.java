package io.camelfreeswitch.esl;

/** Wire formats of FreeSWITCH events ({@code event plain|json|xml ...}). */
public enum EventFormat {
    PLAIN("plain", "text/event-plain"),
    JSON("json", "text/event-json"),
    XML("xml", "text/event-xml");

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
