package io.camelfreeswitch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every channel the simulator ever created, in creation order, and helpers that let a test prove that nothing is
 * left ringing. Thread-safe; the await helpers block the calling (test) thread, never the simulator.
 */
public final class SimulatorLedger {

    private final Map<String, ChannelRecord> records = new LinkedHashMap<>();
    private final List<PlaybackRecord> playbacks = new ArrayList<>();

    synchronized void created(String uuid, String destination, Instant at) {
        records.put(uuid, new ChannelRecord(uuid, destination, at, null, null, null, null, null, false));
        notifyAll();
    }

    synchronized void answered(String uuid, Instant at) {
        records.computeIfPresent(uuid, (k, r) -> r.withAnswered(at));
        notifyAll();
    }

    synchronized void bridged(String uuid, Instant at) {
        records.computeIfPresent(uuid, (k, r) -> r.bridged() == null ? r.withBridged(at) : r);
        notifyAll();
    }

    synchronized void hungUp(String uuid, Instant at, String cause, String killedBy) {
        records.computeIfPresent(uuid, (k, r) -> r.withHangup(at, cause, killedBy));
        notifyAll();
    }

    synchronized void destroyed(String uuid) {
        records.computeIfPresent(uuid, (k, r) -> r.withDestroyed());
        notifyAll();
    }

    synchronized void playbackStarted(String uuid, String media, String answerState, Instant at) {
        playbacks.add(new PlaybackRecord(uuid, media, answerState, at, null, null));
        notifyAll();
    }

    synchronized void playbackStopped(String uuid, String media, Instant at, String stoppedBy) {
        for (int i = playbacks.size() - 1; i >= 0; i--) {
            PlaybackRecord p = playbacks.get(i);
            if (p.uuid().equals(uuid) && p.media().equals(media) && p.stopped() == null) {
                playbacks.set(i, p.withStopped(at, stoppedBy));
                break;
            }
        }
        notifyAll();
    }

    /** What the channel {@code uuid} was played (playback, uuid_broadcast, a confirm prompt), in order. */
    public synchronized List<PlaybackRecord> playbacks(String uuid) {
        return playbacks.stream().filter(p -> p.uuid().equals(uuid)).toList();
    }

    /** Waits until the channel has been played something and that has stopped; returns the first such playback. */
    public PlaybackRecord awaitPlaybackStopped(String uuid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                Optional<PlaybackRecord> stopped = playbacks.stream()
                        .filter(p -> p.uuid().equals(uuid) && p.stopped() != null).findFirst();
                if (stopped.isPresent()) {
                    return stopped.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("nothing played to " + uuid + " stopped within " + timeout + ": "
                            + playbacks(uuid));
                }
                waitNanos(left);
            }
        }
    }

    /** Number of channels not yet destroyed. */
    public synchronized int liveChannels() {
        return (int) records.values().stream().filter(ChannelRecord::live).count();
    }

    public synchronized List<ChannelRecord> live() {
        return records.values().stream().filter(ChannelRecord::live).toList();
    }

    public synchronized Optional<ChannelRecord> channel(String uuid) {
        return Optional.ofNullable(records.get(uuid));
    }

    /** All channels ever created, in creation order. */
    public synchronized List<ChannelRecord> channels() {
        return List.copyOf(new ArrayList<>(records.values()));
    }

    /** Channels whose destination (as dialled) equals {@code destination}, in creation order. */
    public synchronized List<ChannelRecord> channelsTo(String destination) {
        return records.values().stream().filter(r -> r.destination().equals(destination)).toList();
    }

    /** Forgets every destroyed channel (live ones stay). */
    public synchronized void clear() {
        records.values().removeIf(r -> !r.live());
        playbacks.removeIf(p -> !records.containsKey(p.uuid()));
    }

    /** Waits until no channel is live; otherwise throws an AssertionError listing the live ones. */
    public void awaitNoLiveChannels(Duration timeout) {
        awaitCondition(timeout, () -> liveChannels() == 0, () -> "channels still live after " + timeout + ": " + live());
    }

    /** Waits until the channel has hung up and asserts its Hangup-Cause. */
    public ChannelRecord awaitHangup(String uuid, String expectedCause, Duration timeout) {
        ChannelRecord r = awaitRecord(uuid, rec -> rec.hungUp() != null, timeout, "hang up");
        if (expectedCause != null && !expectedCause.equals(r.hangupCause())) {
            throw new AssertionError("channel " + uuid + " hung up with " + r.hangupCause() + " (by " + r.killedBy()
                    + "), expected " + expectedCause);
        }
        return r;
    }

    /** Waits until the channel has hung up, whatever the cause. */
    public ChannelRecord awaitHangup(String uuid, Duration timeout) {
        return awaitHangup(uuid, null, timeout);
    }

    public ChannelRecord awaitAnswered(String uuid, Duration timeout) {
        return awaitRecord(uuid, rec -> rec.answered() != null, timeout, "be answered");
    }

    /** Waits until some channel matches, e.g. {@code r -> r.destination().equals("user/1001")}. */
    public ChannelRecord awaitChannel(Predicate<ChannelRecord> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (ChannelRecord r : records.values()) {
                    if (condition.test(r)) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no channel matched within " + timeout + "; channels: " + records.values());
                }
                waitNanos(left);
            }
        }
    }

    /** Waits until at least {@code count} channels have been created in total. */
    public void awaitCreated(int count, Duration timeout) {
        awaitCondition(timeout, () -> records.size() >= count,
                () -> "expected " + count + " channels, got " + records.size() + ": " + records.values());
    }

    private ChannelRecord awaitRecord(String uuid, Predicate<ChannelRecord> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                ChannelRecord r = records.get(uuid);
                if (r != null && condition.test(r)) {
                    return r;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("channel " + uuid + " did not " + what + " within " + timeout
                            + (r == null ? " (never created)" : ": " + r));
                }
                waitNanos(left);
            }
        }
    }

    private void awaitCondition(Duration timeout, java.util.function.BooleanSupplier ok,
                                java.util.function.Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!ok.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(failure.get());
                }
                waitNanos(left);
            }
        }
    }

    private void waitNanos(long nanos) {
        try {
            wait(Math.max(1, nanos / 1_000_000), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
