package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupFuture;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The ring groups started by one owner (a producer, a shared connection), each kept until its hang-ups are on their
 * way to FreeSWITCH: whoever stops or closes the owner hangs them up and waits for that before the socket may close.
 * A group whose hang-ups cannot be confirmed (the connection is down) is forgotten {@link #HANGUP_GRACE} after it
 * ended, so an outage cannot make the set grow without end.
 */
final class RingingGroups {

    /**
     * The longest a stopping route or a closing connection waits for the hang-ups of its groups: FreeSWITCH accepts a
     * uuid_kill in milliseconds, so this only bounds a server that no longer answers. Past it, legs not hung up end
     * at their own originate_timeout.
     */
    static final Duration HANGUP_GRACE = Duration.ofSeconds(10);

    private final Set<RingGroupFuture<?>> groups = ConcurrentHashMap.newKeySet();

    void add(RingGroupFuture<?> group) {
        groups.add(group);
        group.whenComplete((result, failure) -> {
            CompletableFuture<Void> sent = group.hangupsSent();
            if (!sent.isDone()) {
                sent.completeOnTimeout(null, HANGUP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            sent.whenComplete((ok, notSent) -> groups.remove(group));
        });
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    int size() {
        return groups.size();
    }

    /**
     * Cancels every group still ringing, which hangs up each of its legs with ORIGINATOR_CANCEL and gives back its
     * leases, and completes once every group's hang-ups have been accepted by FreeSWITCH, or after
     * {@link #HANGUP_GRACE} at the latest. Nothing here waits on a thread.
     */
    CompletableFuture<Void> hangUpAll() {
        List<RingGroupFuture<?>> snapshot = List.copyOf(groups);
        if (snapshot.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?>[] sent = new CompletableFuture<?>[snapshot.size()];
        for (int i = 0; i < sent.length; i++) {
            RingGroupFuture<?> group = snapshot.get(i);
            group.cancel(false);
            sent[i] = group.hangupsSent();
        }
        return CompletableFuture.allOf(sent).handle((ok, failure) -> (Void) null)
                .completeOnTimeout(null, HANGUP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
