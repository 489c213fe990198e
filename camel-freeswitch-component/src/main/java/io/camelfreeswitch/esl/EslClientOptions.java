package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.EslCommands;
import io.camelfreeswitch.esl.internal.EslFrameDecoder;
import io.netty.channel.EventLoopGroup;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Settings of an {@link EslClient}; build with {@link #builder()}. The password is never shown by
 * {@link #toString()} and never appears in logs or exceptions.
 */
public final class EslClientOptions {
    /*
     * The defaults of the connection, public because the Camel component's options take theirs from here: one value
     * whether FreeSWITCH is reached through EslClient or through a freeswitch: endpoint. Durations are in
     * milliseconds so that they can stand in annotation values.
     */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8021;
    /** FreeSWITCH's own default in event_socket.conf.xml. */
    public static final String DEFAULT_PASSWORD = "ClueCon";
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_RECONNECT_INITIAL_DELAY_MILLIS = 500;
    public static final long DEFAULT_RECONNECT_MAX_DELAY_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final String password;
    private final String user;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration reconnectInitialDelay;
    private final Duration reconnectMaxDelay;
    private final double reconnectMultiplier;
    private final double reconnectJitter;
    private final int maxReconnectAttempts;
    private final EventFormat eventFormat;
    private final int maxHeaderBlockBytes;
    private final int maxBodyBytes;
    private final EventLoopGroup eventLoopGroup;
    private final Executor eventExecutor;

    private EslClientOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.password = b.password;
        this.user = b.user;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.reconnectInitialDelay = b.reconnectInitialDelay;
        this.reconnectMaxDelay = b.reconnectMaxDelay;
        this.reconnectMultiplier = b.reconnectMultiplier;
        this.reconnectJitter = b.reconnectJitter;
        this.maxReconnectAttempts = b.maxReconnectAttempts;
        this.eventFormat = b.eventFormat;
        this.maxHeaderBlockBytes = b.maxHeaderBlockBytes;
        this.maxBodyBytes = b.maxBodyBytes;
        this.eventLoopGroup = b.eventLoopGroup;
        this.eventExecutor = b.eventExecutor;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The password; deliberately absent from {@link #toString()}. */
    public String password() {
        return password;
    }

    /** {@code user@domain} for {@code userauth}, or {@code null} for plain {@code auth}. */
    public String user() {
        return user;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration reconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public Duration reconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public double reconnectMultiplier() {
        return reconnectMultiplier;
    }

    public double reconnectJitter() {
        return reconnectJitter;
    }

    /** Consecutive failed attempts after which the client gives up; 0 means retry forever. */
    public int maxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    public EventFormat eventFormat() {
        return eventFormat;
    }

    public int maxHeaderBlockBytes() {
        return maxHeaderBlockBytes;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** A shared event loop group, or {@code null} for one of the client's own (one thread). */
    public EventLoopGroup eventLoopGroup() {
        return eventLoopGroup;
    }

    /** Where listeners run and futures complete, or {@code null} for the client's own daemon pool. */
    public Executor eventExecutor() {
        return eventExecutor;
    }

    String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "EslClientOptions{" + address() + (user == null ? "" : ", user=" + user) + ", password=*****"
                + ", format=" + eventFormat.keyword() + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", reconnect=" + reconnectInitialDelay + ".." + reconnectMaxDelay + " x"
                + reconnectMultiplier + " ±" + reconnectJitter + ", maxAttempts="
                + (maxReconnectAttempts == 0 ? "forever" : maxReconnectAttempts) + '}';
    }

    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String password = DEFAULT_PASSWORD;
        private String user;
        private Duration connectTimeout = Duration.ofMillis(DEFAULT_CONNECT_TIMEOUT_MILLIS);
        private Duration requestTimeout = Duration.ofMillis(DEFAULT_REQUEST_TIMEOUT_MILLIS);
        private Duration reconnectInitialDelay = Duration.ofMillis(DEFAULT_RECONNECT_INITIAL_DELAY_MILLIS);
        private Duration reconnectMaxDelay = Duration.ofMillis(DEFAULT_RECONNECT_MAX_DELAY_MILLIS);
        private double reconnectMultiplier = 2.0;
        private double reconnectJitter = 0.2;
        private int maxReconnectAttempts;
        private EventFormat eventFormat = EventFormat.PLAIN;
        private int maxHeaderBlockBytes = EslFrameDecoder.DEFAULT_MAX_HEADER_BLOCK_BYTES;
        private int maxBodyBytes = EslFrameDecoder.DEFAULT_MAX_BODY_BYTES;
        private EventLoopGroup eventLoopGroup;
        private Executor eventExecutor;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = EslCommands.requireToken("host", host);
            return this;
        }

        public Builder port(int port) {
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder password(String password) {
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("password must not be empty");
            }
            for (int i = 0; i < password.length(); i++) {
                if (password.charAt(i) < 0x20 || password.charAt(i) == 0x7f) {
                    // do not echo the password itself
                    throw new IllegalArgumentException("password must not contain control characters");
                }
            }
            this.password = password;
            return this;
        }

        /** Authenticate with {@code userauth user@domain:password} instead of {@code auth password}. */
        public Builder user(String userAtDomain) {
            this.user = userAtDomain == null ? null : EslCommands.requireToken("user", userAtDomain);
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        public Builder reconnectInitialDelay(Duration delay) {
            this.reconnectInitialDelay = positive("reconnectInitialDelay", delay);
            return this;
        }

        public Builder reconnectMaxDelay(Duration delay) {
            this.reconnectMaxDelay = positive("reconnectMaxDelay", delay);
            return this;
        }

        public Builder reconnectMultiplier(double multiplier) {
            if (!(multiplier >= 1.0)) {
                throw new IllegalArgumentException("reconnectMultiplier must be >= 1: " + multiplier);
            }
            this.reconnectMultiplier = multiplier;
            return this;
        }

        /** Fraction (0..1) by which each delay is randomly stretched or shrunk, so clients do not retry in step. */
        public Builder reconnectJitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("reconnectJitter must be within 0..1: " + jitter);
            }
            this.reconnectJitter = jitter;
            return this;
        }

        /** 0 (the default) retries forever. */
        public Builder maxReconnectAttempts(int attempts) {
            if (attempts < 0) {
                throw new IllegalArgumentException("maxReconnectAttempts must be >= 0: " + attempts);
            }
            this.maxReconnectAttempts = attempts;
            return this;
        }

        public Builder eventFormat(EventFormat format) {
            Objects.requireNonNull(format, "eventFormat");
            this.eventFormat = format;
            return this;
        }

        public Builder maxHeaderBlockBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxHeaderBlockBytes must be > 0");
            }
            this.maxHeaderBlockBytes = bytes;
            return this;
        }

        public Builder maxBodyBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxBodyBytes must be >= 0");
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Share an event loop group (not shut down by the client). */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = group;
            return this;
        }

        /** Share an executor for listeners and future completions (not shut down by the client). */
        public Builder eventExecutor(Executor executor) {
            this.eventExecutor = executor;
            return this;
        }

        public EslClientOptions build() {
            if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
                throw new IllegalArgumentException("reconnectMaxDelay must be >= reconnectInitialDelay");
            }
            return new EslClientOptions(this);
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
