package io.camelfreeswitch.call;

/**
 * A ring mode: which destination to ring next, and when. The {@link RingEngine} does the rest (originating, picking
 * one winner, hanging up the others). Called on the group's serial executor only.
 */
interface RingStrategy {

    /** Rings the first destination(s). */
    void start(RingEngine engine);

    /** {@code winner} answered first; it will be handed out as soon as it is ready. */
    default void winnerChosen(RingEngine engine, Leg winner) {
    }

    /** {@code leg} ended by itself (busy, rejected, far-end hang-up, failure) before being handed out. */
    void legEnded(RingEngine engine, Leg leg);
}
