package io.camelfreeswitch.call;

/**
 * ENTERPRISE: every destination rings at once as in PARALLEL, but each may start after its own delay and ring for
 * its own timeout ({@link DestinationTiming}; FusionPBX's enterprise strategy). A destination whose time is up is
 * hung up with NO_ANSWER while the others go on; the first to answer wins and every other leg gets LOSE_RACE; a
 * destination whose delay has not passed when someone answers is never rung. The group ends empty once every
 * destination has had its time, and the total timeout caps it.
 */
final class EnterpriseRing implements RingStrategy {

    private final RingGroupRequest request;
    private int notStarted;

    EnterpriseRing(RingGroupRequest request) {
        this.request = request;
        this.notStarted = request.destinations().size();
    }

    @Override
    public void start(RingEngine engine) {
        for (String destination : request.destinations()) {
            DestinationTiming timing = request.timing(destination);
            if (timing.delay().isZero()) {
                ring(engine, destination, timing);
            } else {
                engine.schedule(timing.delay(), () -> ring(engine, destination, timing));
            }
        }
    }

    private void ring(RingEngine engine, String destination, DestinationTiming timing) {
        notStarted--;
        if (engine.isFinished() || engine.winner() != null) {
            return;
        }
        if (engine.nextRingTime() == null) {
            engine.timeOut(); // the total timeout is spent
            return;
        }
        // the engine's total-timeout timer ends the group if this rings past it
        engine.ring(destination, timing.ringFor(request.timeout()), null);
    }

    private boolean allHadTheirTime(RingEngine engine) {
        return notStarted == 0 && engine.allLegsOver() && engine.winner() == null;
    }

    @Override
    public void legEnded(RingEngine engine, Leg leg) {
        if (allHadTheirTime(engine)) {
            engine.finishExhausted();
        }
    }
}
