package io.camelfreeswitch.call;

/**
 * A ring mode: which destination to ring next, when, and for how long. The {@link RingEngine} and its legs do the rest
 * (originating, ending each leg when its ring time is up, picking one winner, hanging up the others). Called on the
 * group's lane only.
 */
interface RingStrategy {

    /** Rings the first destination(s). */
    void start(RingEngine engine);

    /**
     * {@code winner} answered first; it will be handed out as soon as it is ready. Every other leg still up is hung up
     * with LOSE_RACE.
     */
    default void winnerChosen(RingEngine engine, Leg winner) {
        engine.hangUpAllBut(winner);
    }

    /**
     * {@code leg} is over before being handed out: it ended by itself (busy, rejected, far-end hang-up, failure), or
     * it was hung up when its ring time or its time to confirm ran out.
     */
    void legEnded(RingEngine engine, Leg leg);
}
