package io.camelfreeswitch.it;

import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The FreeSWITCH the integration tests talk to, chosen once per test JVM:
 * <ol>
 *   <li>{@code -Dfreeswitch.it.host=...} (with {@code .port}, {@code .password}): your own FreeSWITCH, which must
 *   have {@code camel_it_dialplan.xml} loaded and should carry no other calls ({@code show channels count} is checked
 *   to return to 0 after every test);</li>
 *   <li>otherwise, where Docker runs, {@value #IMAGE} in a container with that dialplan;</li>
 *   <li>otherwise the embedded simulator, which dials the same destinations the same way.</li>
 * </ol>
 * {@code -Dfreeswitch.it.target=docker|simulator|external} insists on one of them; {@code docker} without Docker
 * and {@code external} without a host disable the tests ({@link FreeSwitchAvailable}) rather than fall back.
 */
public final class FreeSwitchUnderTest {

    static final String IMAGE = "safarov/freeswitch:1.10.11";
    /** The dialplan context of camel_it_dialplan.xml: every destination is loopback/<extension>/camel-it. */
    static final String CONTEXT = "camel-it";

    private static FreeSwitchUnderTest instance;
    private static String unavailable;

    private final String description;
    private final String host;
    private final int port;
    private final String password;
    private final String callbackHost;
    private final String outboundBindAddress;
    private final int outboundPort;

    private FreeSwitchUnderTest(String description, String host, int port, String password, String callbackHost,
                                String outboundBindAddress, int outboundPort) {
        this.description = description;
        this.host = host;
        this.port = port;
        this.password = password;
        this.callbackHost = callbackHost;
        this.outboundBindAddress = outboundBindAddress;
        this.outboundPort = outboundPort;
    }

    /** The one chosen for this JVM (started on first use, stopped when the JVM exits). */
    public static synchronized FreeSwitchUnderTest get() {
        unavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return instance;
    }

    /** Why the FreeSWITCH asked for is not there (the tests are then skipped); empty when it is, started. */
    static synchronized Optional<String> unavailable() {
        if (instance == null && unavailable == null) {
            try {
                instance = choose();
                System.out.println("== camel-freeswitch integration tests against " + instance.description);
            } catch (Unavailable e) {
                unavailable = e.getMessage();
            }
        }
        return Optional.ofNullable(unavailable);
    }

    /** The FreeSWITCH insisted on is not there. */
    private static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private static FreeSwitchUnderTest choose() {
        String target = System.getProperty("freeswitch.it.target", "auto").trim().toLowerCase(Locale.ROOT);
        String externalHost = System.getProperty("freeswitch.it.host", "").trim();
        switch (target) {
            case "external" -> {
                if (externalHost.isEmpty()) {
                    throw new Unavailable("freeswitch.it.target=external but no -Dfreeswitch.it.host");
                }
                return external(externalHost);
            }
            case "docker" -> {
                if (!dockerAvailable()) {
                    throw new Unavailable("freeswitch.it.target=docker but Docker is not available");
                }
                return docker();
            }
            case "simulator" -> {
                return simulator();
            }
            case "auto" -> {
                if (!externalHost.isEmpty()) {
                    return external(externalHost);
                }
                return dockerLikely() && dockerAvailable() ? docker() : simulator();
            }
            default -> throw new IllegalArgumentException("freeswitch.it.target must be auto, external, docker or "
                    + "simulator, got: " + target);
        }
    }

    private static FreeSwitchUnderTest external(String host) {
        int port = Integer.parseInt(System.getProperty("freeswitch.it.port", "8021").trim());
        String password = System.getProperty("freeswitch.it.password", "ClueCon");
        // the outbound-socket consumer must be reachable from FreeSWITCH: by default at the address this machine
        // uses to reach it
        String local = localAddressTowards(host, port);
        String callback = System.getProperty("freeswitch.it.callback-host", local).trim();
        String bind = callback.equals(local) ? local : "0.0.0.0";
        int outboundPort = Integer.parseInt(System.getProperty("freeswitch.it.callback-port",
                Integer.toString(freePort())).trim());
        return new FreeSwitchUnderTest("your FreeSWITCH at " + host + ":" + port + " (outbound-socket calls come back"
                + " to " + callback + ":" + outboundPort + ")", host, port, password, callback, bind, outboundPort);
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static FreeSwitchUnderTest docker() {
        int outboundPort = freePort();
        Testcontainers.exposeHostPorts(outboundPort);
        GenericContainer<?> container = new GenericContainer<>(IMAGE)
                .withCopyFileToContainer(MountableFile.forClasspathResource("freeswitch-it/event_socket.conf.xml"),
                        "/etc/freeswitch/autoload_configs/event_socket.conf.xml")
                .withCopyFileToContainer(MountableFile.forClasspathResource("freeswitch-it/camel_it_dialplan.xml"),
                        "/etc/freeswitch/dialplan/camel_it.xml")
                .withExposedPorts(8021)
                .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(2)));
        container.start();
        return new FreeSwitchUnderTest(IMAGE + " in Docker", container.getHost(), container.getMappedPort(8021),
                "ClueCon", "host.testcontainers.internal", "127.0.0.1", outboundPort);
    }

    private static FreeSwitchUnderTest simulator() {
        FreeSwitchSimulator sim = FreeSwitchSimulator.builder().password("ClueCon").build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "it-simulator-shutdown"));
        return new FreeSwitchUnderTest("the embedded FreeSWITCH simulator at 127.0.0.1:" + sim.port(), sim.host(),
                sim.port(), sim.password(), "127.0.0.1", "127.0.0.1", freePort());
    }

    /**
     * Whether asking Testcontainers is worth it: it takes seconds to conclude there is no Docker, so without a
     * DOCKER_HOST, a Testcontainers configuration or a Docker socket in the usual places, auto goes straight to the
     * simulator ({@code -Dfreeswitch.it.target=docker} always asks).
     */
    private static boolean dockerLikely() {
        String home = System.getProperty("user.home", "");
        String runtime = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "");
        return System.getenv("DOCKER_HOST") != null
                || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                || Stream.of("/var/run/docker.sock", home + "/.docker/run/docker.sock", runtime + "/docker.sock",
                        home + "/.testcontainers.properties").anyMatch(path -> Files.exists(Path.of(path)));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String localAddressTowards(String host, int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(host, port), 5000);
            return probe.getLocalAddress().getHostAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach FreeSWITCH's event socket at " + host + ":" + port, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** loopback/&lt;extension&gt;/camel-it: one of camel_it_dialplan.xml's phones. */
    public static String phone(String extension) {
        return "loopback/" + extension + "/" + CONTEXT;
    }

    /** The extension whose call FreeSWITCH hands to our outbound-socket consumer. */
    public String socketExtension() {
        return "socket-" + callbackHost + "-" + outboundPort;
    }

    public String description() {
        return description;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    public String outboundBindAddress() {
        return outboundBindAddress;
    }

    public int outboundPort() {
        return outboundPort;
    }
}
