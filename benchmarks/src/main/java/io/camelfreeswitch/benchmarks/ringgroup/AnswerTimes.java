package io.camelfreeswitch.benchmarks.ringgroup;

import io.camelfreeswitch.esl.EslConnection;
import io.camelfreeswitch.esl.EslEvent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * When FreeSWITCH (the simulator) sent each channel's CHANNEL_ANSWER: its {@code Event-Date-Timestamp}, taken just
 * before the event is written. Whichever comes first, the event or the question, the other side waits for it.
 */
final class AnswerTimes {
    private final ConcurrentMap<String, CompletableFuture<Long>> byUuid = new ConcurrentHashMap<>();

    AnswerTimes(EslConnection connection) {
        connection.addEventListener("CHANNEL_ANSWER", this::answered);
    }

    private void answered(EslEvent event) {
        String stamp = event.header("Event-Date-Timestamp");
        if (stamp != null && event.uniqueId() != null) {
            slot(event.uniqueId()).complete(Long.parseLong(stamp));
        }
    }

    /** The answer time of {@code uuid}, forgotten once asked (losing legs never answer, so nothing piles up). */
    CompletableFuture<Long> take(String uuid) {
        CompletableFuture<Long> slot = slot(uuid);
        return slot.whenComplete((stamp, failure) -> byUuid.remove(uuid, slot));
    }

    private CompletableFuture<Long> slot(String uuid) {
        return byUuid.computeIfAbsent(uuid, ignored -> new CompletableFuture<>());
    }
}
