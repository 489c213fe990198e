package io.camelfreeswitch.benchmarks.harness;

import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import io.camelfreeswitch.simulator.FreeSwitchSimulatorMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where the harnesses find a FreeSWITCH: the simulator in this JVM, or in a child JVM of its own. */
public final class Simulators {

    public static final String PASSWORD = "ClueCon";

    private Simulators() {
    }

    /** A running simulator: its port, and how to stop it. */
    public interface Handle extends AutoCloseable {
        int port();

        /** The in-JVM simulator, or {@code null} when it runs in another process. */
        FreeSwitchSimulator inProcess();

        @Override
        void close();
    }

    public static Handle start(boolean childProcess) {
        return childProcess ? startChild() : startInProcess();
    }

    private static Handle startInProcess() {
        FreeSwitchSimulator sim = FreeSwitchSimulator.builder().password(PASSWORD).port(0).build();
        sim.start();
        return new Handle() {
            @Override
            public int port() {
                return sim.port();
            }

            @Override
            public FreeSwitchSimulator inProcess() {
                return sim;
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    /**
     * Starts {@link FreeSwitchSimulatorMain} in a child JVM from this JVM's own class path, so the simulator's heap
     * and threads are not counted as ours; waits for it to listen.
     */
    private static Handle startChild() {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms1g", "-Xmx1g", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), FreeSwitchSimulatorMain.class.getName(), "--port",
                Integer.toString(port), "--password", PASSWORD));
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.contains("listening")) {
                // startup chatter
            }
            if (line == null) {
                throw new IllegalStateException("the simulator process exited before listening");
            }
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // keep its output pipe from filling up
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "simulator-output");
            drain.setDaemon(true);
            drain.start();
            return new Handle() {
                @Override
                public int port() {
                    return port;
                }

                @Override
                public FreeSwitchSimulator inProcess() {
                    return null;
                }

                @Override
                public void close() {
                    process.destroy();
                    try {
                        if (!process.waitFor(10, TimeUnit.SECONDS)) {
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the simulator process", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Microseconds since the epoch on the same clock the simulator stamps {@code Event-Date-Timestamp} with. */
    public static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}
