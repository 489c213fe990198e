package io.camelfreeswitch.esl;

/** Handle of a listener registration; {@link #close()} removes it and may be called more than once. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
