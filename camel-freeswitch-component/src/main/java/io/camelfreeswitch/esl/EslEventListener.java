package io.camelfreeswitch.esl;

/**
 * Receives events. Never called on a Netty event loop; events of one channel (one {@code Unique-ID}) are delivered
 * in arrival order, one at a time. A listener that throws is logged and keeps its registration.
 */
@FunctionalInterface
public interface EslEventListener {
    void onEvent(EslEvent event);
}
