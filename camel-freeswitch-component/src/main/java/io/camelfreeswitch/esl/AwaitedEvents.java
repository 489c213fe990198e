package io.camelfreeswitch.esl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events a connection itself waits for: each {@code bgapi} job's BACKGROUND_JOB (by Job-UUID) and each
 * {@code sendmsg execute}'s CHANNEL_EXECUTE_COMPLETE (by Application-UUID, the Event-UUID it was sent with).
 * Registered before the command is written, so the event cannot arrive first.
 */
final class AwaitedEvents {
    static final String BACKGROUND_JOB = "BACKGROUND_JOB";
    static final String CHANNEL_EXECUTE_COMPLETE = "CHANNEL_EXECUTE_COMPLETE";

    /** A bgapi job waiting for its result; {@code command} names it in errors. */
    record PendingJob(String command, CompletableFuture<String> future) {
    }

    private final ConcurrentHashMap<String, PendingJob> jobs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<EslEvent>> executions = new ConcurrentHashMap<>();

    /** False when a job with this Job-UUID is already pending. */
    boolean addJob(String jobUuid, PendingJob job) {
        return jobs.putIfAbsent(jobUuid, job) == null;
    }

    void dropJob(String jobUuid) {
        jobs.remove(jobUuid);
    }

    void addExecution(String eventUuid, CompletableFuture<EslEvent> execution) {
        executions.put(eventUuid, execution);
    }

    void dropExecution(String eventUuid) {
        executions.remove(eventUuid);
    }

    /** The job a BACKGROUND_JOB reports, no longer pending; null when none waits for it. */
    PendingJob takeJob(EslEvent event) {
        String jobUuid = event.jobUuid();
        return jobUuid == null ? null : jobs.remove(jobUuid);
    }

    /** The execution a CHANNEL_EXECUTE_COMPLETE ends, no longer pending; null when none waits for it. */
    CompletableFuture<EslEvent> takeExecution(EslEvent event) {
        String applicationUuid = event.header("Application-UUID");
        return applicationUuid == null ? null : executions.remove(applicationUuid);
    }

    /** Whether a pending job or execution waits for {@code event}; cheap enough for the event loop. */
    boolean awaits(EslEvent event) {
        if (jobs.isEmpty() && executions.isEmpty()) {
            return false; // the usual case for another call's events: not a header read
        }
        String name = event.eventName();
        if (BACKGROUND_JOB.equals(name)) {
            String jobUuid = event.jobUuid();
            return jobUuid != null && jobs.containsKey(jobUuid);
        }
        if (CHANNEL_EXECUTE_COMPLETE.equals(name) && !executions.isEmpty()) {
            String applicationUuid = event.header("Application-UUID");
            return applicationUuid != null && executions.containsKey(applicationUuid);
        }
        return false;
    }

    /** Every pending job's and execution's future, no longer pending (their events will never come). */
    List<CompletableFuture<?>> takeAll() {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (String key : List.copyOf(jobs.keySet())) {
            PendingJob job = jobs.remove(key);
            if (job != null) {
                pending.add(job.future());
            }
        }
        for (String key : List.copyOf(executions.keySet())) {
            CompletableFuture<EslEvent> execution = executions.remove(key);
            if (execution != null) {
                pending.add(execution);
            }
        }
        return pending;
    }
}
