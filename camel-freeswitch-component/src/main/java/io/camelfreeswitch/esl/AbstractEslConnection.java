package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslEvents;
import io.camelfreeswitch.esl.internal.EslMessage;
import io.camelfreeswitch.esl.internal.UrlDecoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The commands both kinds of ESL connection offer (inbound client, outbound session), written over whatever socket
 * is current. Remembers subscriptions and filters so a reconnecting client can restore them, and correlates
 * {@code bgapi} jobs (by Job-UUID) and {@code sendmsg execute} (by Event-UUID, echoed as Application-UUID).
 */
abstract class AbstractEslConnection implements EslConnection {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractEslConnection.class);
    static final String BACKGROUND_JOB = "BACKGROUND_JOB";
    static final String CHANNEL_EXECUTE_COMPLETE = "CHANNEL_EXECUTE_COMPLETE";

    private record PendingJob(String command, CompletableFuture<String> future) {
    }

    protected final EventDispatcher dispatcher;
    protected final Executor completions;
    protected final Duration requestTimeout;
    protected final EventFormat eventFormat;
    private final ConcurrentHashMap<String, PendingJob> jobs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<EslEvent>> executions = new ConcurrentHashMap<>();
    private final Set<String> subscriptions = new LinkedHashSet<>();
    private final Map<String, String[]> filters = new LinkedHashMap<>();

    AbstractEslConnection(Executor dispatchPool, Duration requestTimeout, EventFormat eventFormat) {
        this.dispatcher = new EventDispatcher(dispatchPool, this::onEventInternally);
        // not a serial lane: a caller that joins one reply inside another's continuation must not deadlock
        this.completions = dispatchPool;
        this.requestTimeout = requestTimeout;
        this.eventFormat = eventFormat;
    }

    /** The socket commands go to now, or {@code null} when not usable. */
    abstract EslProtocolHandler activeHandler();

    /** host:port of the peer, for error messages. */
    abstract String peer();

    /** Makes sure CHANNEL_EXECUTE_COMPLETE events reach this connection (inbound: subscribe; outbound: myevents). */
    CompletableFuture<Void> ensureExecuteCompleteEvents() {
        return ensureSubscribed(CHANNEL_EXECUTE_COMPLETE);
    }

    CompletableFuture<EslMessage> send(String description, String wire, Duration timeout) {
        EslProtocolHandler handler = activeHandler();
        if (handler == null) {
            return CompletableFuture.failedFuture(new ConnectionLostException(
                    "not connected to ESL at " + peer() + " (state " + state() + "); '" + description + "' not sent"));
        }
        return handler.send(description, wire, timeout);
    }

    /** Sends a command whose reply is a {@code command/reply}; fails on {@code -ERR}. */
    CompletableFuture<EslMessage> command(String description, String wire, Duration timeout) {
        return send(description, wire, timeout).thenApply(reply -> requireOk(description, reply));
    }

    static EslMessage requireOk(String description, EslMessage reply) {
        String text = replyText(reply);
        if (text != null && text.startsWith("-ERR")) {
            throw new CommandRejectedException(description, text);
        }
        return reply;
    }

    /** Reply-Text, URL-decoded when FreeSWITCH encoded it (the outbound connect reply does). */
    static String replyText(EslMessage reply) {
        String text = reply.header("Reply-Text");
        return text != null && text.indexOf('%') >= 0 ? UrlDecoding.decode(text) : text;
    }

    // ---- api / bgapi ----

    @Override
    public CompletableFuture<String> api(String command) {
        return api(command, requestTimeout);
    }

    /** As {@link #api(String)} with its own timeout (long-running api commands such as a blocking originate). */
    public CompletableFuture<String> api(String command, Duration timeout) {
        EslCommands.requireToken("command", command);
        String description = "api " + command;
        return send(description, EslCommands.line(description), timeout).thenApply(reply -> {
            if ("api/response".equals(reply.contentType())) {
                return reply.bodyAsString();
            }
            requireOk(description, reply);
            return reply.bodyAsString();
        });
    }

    @Override
    public CompletableFuture<String> bgapi(String command, String jobUuid) {
        EslCommands.requireToken("command", command);
        EslCommands.requireToken("jobUuid", jobUuid);
        if (jobUuid.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("jobUuid must not contain spaces: " + jobUuid);
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        String description = "bgapi " + command;
        if (jobs.putIfAbsent(jobUuid, new PendingJob(description, result)) != null) {
            throw new IllegalArgumentException("jobUuid " + jobUuid + " is already pending");
        }
        ensureSubscribed(BACKGROUND_JOB);
        command(description, EslCommands.withHeaders(description, Map.of("Job-UUID", jobUuid), null), requestTimeout)
                .whenComplete((reply, failure) -> {
                    if (failure != null) {
                        jobs.remove(jobUuid);
                        result.completeExceptionally(unwrap(failure));
                    }
                });
        return result;
    }

    // ---- subscriptions and filters ----

    @Override
    public CompletableFuture<Void> subscribe(Collection<String> eventNames) {
        List<String> added = new ArrayList<>();
        for (String name : validatedNames(eventNames)) {
            synchronized (subscriptions) {
                if (subscriptions.add(name)) {
                    added.add(name);
                }
            }
        }
        if (added.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String line = "event " + eventFormat.keyword() + " " + String.join(" ", added);
        return command(line, EslCommands.line(line), requestTimeout).thenApply(reply -> null);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(Collection<String> eventNames) {
        List<String> names = validatedNames(eventNames);
        synchronized (subscriptions) {
            subscriptions.removeAll(names);
        }
        if (names.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String line = "nixevent " + String.join(" ", names);
        return command(line, EslCommands.line(line), requestTimeout).thenApply(reply -> null);
    }

    CompletableFuture<Void> ensureSubscribed(String eventName) {
        synchronized (subscriptions) {
            if (subscriptions.contains(eventName) || subscriptions.contains("ALL")) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return subscribe(List.of(eventName)).exceptionally(failure -> {
            LOG.debug("Could not subscribe to {} on {}: {}", eventName, peer(), failure.getMessage());
            return null;
        });
    }

    private static List<String> validatedNames(Collection<String> eventNames) {
        if (eventNames == null) {
            throw new IllegalArgumentException("eventNames must not be null");
        }
        List<String> names = new ArrayList<>(eventNames.size());
        for (String name : eventNames) {
            names.add(EslCommands.requireToken("eventNames", name).strip());
        }
        return names;
    }

    @Override
    public CompletableFuture<Void> filter(String header, String value) {
        EslCommands.requireHeaderName("header", header);
        EslCommands.requireToken("value", value);
        synchronized (filters) {
            filters.put(header + '\u0000' + value, new String[] {header, value});
        }
        String line = "filter " + header + " " + value;
        return command(line, EslCommands.line(line), requestTimeout).thenApply(reply -> null);
    }

    @Override
    public CompletableFuture<Void> filterDelete(String header, String value) {
        EslCommands.requireHeaderName("header", header);
        EslCommands.requireToken("value", value);
        synchronized (filters) {
            filters.remove(header + '\u0000' + value);
        }
        String line = "filter delete " + header + " " + value;
        return command(line, EslCommands.line(line), requestTimeout).thenApply(reply -> null);
    }

    /** The remembered subscriptions, in the order they were added. */
    List<String> subscriptionsSnapshot() {
        synchronized (subscriptions) {
            return new ArrayList<>(subscriptions);
        }
    }

    /** The remembered filters as {header, value} pairs. */
    List<String[]> filtersSnapshot() {
        synchronized (filters) {
            return new ArrayList<>(filters.values());
        }
    }

    // ---- sendmsg / sendevent ----

    @Override
    public CompletableFuture<EslEvent> execute(String uuid, String application, String argument) {
        EslCommands.requireToken("uuid", uuid);
        return executeOn(uuid, application, argument);
    }

    /** {@code uuid == null} sends a bare {@code sendmsg} (the outbound socket's own channel). */
    CompletableFuture<EslEvent> executeOn(String uuid, String application, String argument) {
        EslCommands.requireHeaderValue("application", EslCommands.requireToken("application", application));
        if (argument != null) {
            EslCommands.requireHeaderValue("argument", argument);
        }
        String eventUuid = UUID.randomUUID().toString();
        CompletableFuture<EslEvent> result = new CompletableFuture<>();
        executions.put(eventUuid, result);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("call-command", "execute");
        headers.put("execute-app-name", application);
        if (argument != null && !argument.isEmpty()) {
            headers.put("execute-app-arg", argument);
        }
        headers.put("event-lock", "true");
        headers.put("Event-UUID", eventUuid);
        String line = uuid == null ? "sendmsg" : "sendmsg " + uuid;
        String description = line + " execute " + application;
        ensureExecuteCompleteEvents();
        command(description, EslCommands.withHeaders(line, headers, null), requestTimeout)
                .whenComplete((reply, failure) -> {
                    if (failure != null) {
                        executions.remove(eventUuid);
                        result.completeExceptionally(unwrap(failure));
                    }
                });
        return result;
    }

    @Override
    public CompletableFuture<Void> hangup(String uuid, String cause) {
        EslCommands.requireToken("uuid", uuid);
        return hangupOn(uuid, cause);
    }

    CompletableFuture<Void> hangupOn(String uuid, String cause) {
        String hangupCause = cause == null || cause.isBlank() ? "NORMAL_CLEARING" : cause;
        EslCommands.requireHeaderValue("cause", EslCommands.requireToken("cause", hangupCause));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("call-command", "hangup");
        headers.put("hangup-cause", hangupCause);
        String line = uuid == null ? "sendmsg" : "sendmsg " + uuid;
        return command(line + " hangup " + hangupCause, EslCommands.withHeaders(line, headers, null), requestTimeout)
                .thenApply(reply -> null);
    }

    @Override
    public CompletableFuture<Void> sendEvent(String eventName, Map<String, String> headers, String body) {
        EslCommands.requireToken("eventName", eventName);
        Map<String, String> checked = new LinkedHashMap<>();
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                String name = EslCommands.requireHeaderName("header name", header.getKey());
                if (name.equalsIgnoreCase("Content-Length")) {
                    throw new IllegalArgumentException("header Content-Length is computed from the body");
                }
                checked.put(name, EslCommands.requireHeaderValue("header " + name, header.getValue()));
            }
        }
        String line = "sendevent " + eventName;
        return command(line, EslCommands.withHeaders(line, checked, body), requestTimeout).thenApply(reply -> null);
    }

    // ---- listeners ----

    @Override
    public Registration addEventListener(String eventName, EslEventListener listener) {
        return dispatcher.addEventListener(eventName, listener);
    }

    @Override
    public Registration addChannelListener(String uniqueId, EslEventListener listener) {
        return dispatcher.addChannelListener(uniqueId, listener);
    }

    // ---- events and failures ----

    /** Runs on the event's dispatch lane, before the listeners. */
    private void onEventInternally(EslEvent event) {
        String name = event.eventName();
        if (BACKGROUND_JOB.equals(name)) {
            String jobUuid = event.jobUuid();
            PendingJob job = jobUuid == null ? null : jobs.remove(jobUuid);
            if (job != null) {
                String body = event.body();
                String trimmed = body.strip();
                // completed on the pool, not inline: a continuation waiting for a later event of a channel that
                // shares this lane would otherwise block the lane that must deliver it
                if (trimmed.startsWith("+OK")) {
                    completeAsync(job.future, trimmed.substring(3).strip());
                } else if (trimmed.startsWith("-ERR")) {
                    failAsync(job.future, new CommandRejectedException(job.command, body));
                } else {
                    completeAsync(job.future, body);
                }
            }
        } else if (CHANNEL_EXECUTE_COMPLETE.equals(name)) {
            String applicationUuid = event.header("Application-UUID");
            CompletableFuture<EslEvent> execution = applicationUuid == null ? null
                    : executions.remove(applicationUuid);
            if (execution != null) {
                completeAsync(execution, EslEvents.keep(event)); // outlives the dispatch
            }
        }
        onEvent(event);
    }

    /** Hook for subclasses, on the event's lane. */
    void onEvent(EslEvent event) {
    }

    /** Fails bgapi jobs and executions waiting for events that the lost socket will never deliver. */
    void failPendingEvents(Throwable cause) {
        for (String key : List.copyOf(jobs.keySet())) {
            PendingJob job = jobs.remove(key);
            if (job != null) {
                failAsync(job.future, cause);
            }
        }
        for (String key : List.copyOf(executions.keySet())) {
            CompletableFuture<EslEvent> execution = executions.remove(key);
            if (execution != null) {
                failAsync(execution, cause);
            }
        }
    }

    <T> void completeAsync(CompletableFuture<T> future, T value) {
        try {
            completions.execute(() -> future.complete(value));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            future.complete(value);
        }
    }

    void failAsync(CompletableFuture<?> future, Throwable cause) {
        try {
            completions.execute(() -> future.completeExceptionally(cause));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            future.completeExceptionally(cause);
        }
    }

    static Throwable unwrap(Throwable failure) {
        while (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
