package io.camelfreeswitch.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apache Karaf, unpacked from the distribution on Maven Central, started as {@code bin/karaf server} in its own
 * JVM and driven the way an operator drives it: shell commands through {@code bin/client} over SSH.
 *
 * <p>Every run gets a fresh copy of the distribution and free ports, so a previous run or a parallel build cannot leak
 * state in. Karaf resolves {@code mvn:} URLs from the build's local repository, then the staged repository of this
 * build (bundles not installed yet), then Maven Central.
 */
final class KarafInstance implements AutoCloseable {

    private static final String USER = "karaf";
    private static final String PASSWORD = "karaf";

    private final Path home;
    private final int sshPort;
    private Process process;

    private KarafInstance(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /** Copies the unpacked distribution to {@code workDir/karaf} and writes the configuration of this run. */
    static KarafInstance prepare(Path distribution, Path workDir, KarafSettings settings) throws IOException {
        Path home = workDir.resolve("karaf");
        deleteRecursively(home);
        copyRecursively(distribution, home);
        int sshPort = freePort();
        KarafInstance karaf = new KarafInstance(home, sshPort);
        karaf.configure(settings);
        return karaf;
    }

    Path home() {
        return home;
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    private void configure(KarafSettings settings) throws IOException {
        Path etc = home.resolve("etc");
        replaceLine(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", "sshPort = " + sshPort);
        replaceLine(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "sshHost = 127.0.0.1");
        replaceLine(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", "rmiRegistryPort = " + freePort());
        replaceLine(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", "rmiServerPort = " + freePort());
        // the distribution ships without any user; the test logs in over SSH on the loopback only
        Files.writeString(etc.resolve("users.properties"),
                "\n" + USER + " = " + PASSWORD + ",_g_:admingroup\n"
                        + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                StandardOpenOption.APPEND);
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"), settings.mavenResolverConfiguration());
        Files.writeString(etc.resolve("org.apache.karaf.features.xml"), settings.featuresProcessing());
    }

    /** Starts Karaf and waits until its shell accepts commands and the boot features are in. */
    void start(Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_MAX_MEM", "768m");
        // camel-management is not among the bundles this test can fetch (see KarafSettings), so Camel runs without JMX
        builder.environment().put("EXTRA_JAVA_OPTS", "-Dorg.apache.camel.jmx.disabled=true");
        process = builder.start();

        long deadline = System.nanoTime() + timeout.toNanos();
        // a TCP probe costs nothing, a bin/client attempt starts a JVM: on a busy machine only the latter counts
        while (System.nanoTime() < deadline && !sshPortOpen()) {
            failIfExited();
            TimeUnit.MILLISECONDS.sleep(250); // polling a server that is still booting; nothing to wait on instead
        }
        String lastAnswer = "";
        while (System.nanoTime() < deadline) {
            failIfExited();
            ShellResult level = tryExecute("system:start-level", Duration.ofMinutes(2));
            lastAnswer = level.output();
            if (level.succeeded() && lastAnswer.contains("Level 100")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500); // polling a server that is still booting; nothing to wait on instead
        }
        throw new IllegalStateException("Karaf did not reach start level 100 within " + timeout + "; last answer: "
                + lastAnswer + "\nlog:\n" + tail(log(), 40));
    }

    private void failIfExited() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Karaf exited with " + process.exitValue() + "; console:\n"
                    + tail(home.resolve("console.log"), 40));
        }
    }

    private boolean sshPortOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", sshPort), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Runs shell commands in one SSH session and fails with Karaf's own message if any of them fails. */
    String execute(Duration timeout, String... commands) throws IOException, InterruptedException {
        ShellResult result = tryExecute(String.join("\n", commands), timeout);
        if (!result.succeeded()) {
            throw new IllegalStateException("Karaf shell failed on " + List.of(commands) + ":\n" + result.output()
                    + "\nlog:\n" + tail(log(), 60));
        }
        return result.output();
    }

    private ShellResult tryExecute(String script, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/client").toString(),
                "-a", Integer.toString(sshPort), "-h", "127.0.0.1", "-u", USER, "-p", PASSWORD, "-b"));
        Path output = Files.createTempFile(home, "client-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        // batch mode reads the commands from standard input; as arguments, bin/client without a terminal closes
        // the session before the output arrives
        client.getOutputStream().write((script + "\n").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        if (!client.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            client.descendants().forEach(ProcessHandle::destroyForcibly);
            client.destroyForcibly();
            return new ShellResult(false, "bin/client timed out after " + timeout + ":\n" + Files.readString(output));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
        boolean failed = client.exitValue() != 0 || text.contains("Error executing command")
                || text.contains("Command not found") || text.contains("Connection refused")
                || text.contains("No more authentication methods") || text.contains("Failed to get the session");
        return new ShellResult(!failed, text);
    }

    @Override
    public void close() throws Exception {
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                        .redirectErrorStream(true).redirectOutput(home.resolve("stop.log").toFile())
                        .start().waitFor(30, TimeUnit.SECONDS);
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            // never leave a Karaf JVM behind, whatever happened above
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static void replaceLine(Path file, String key, String replacement) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean replaced = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.matches("\\s*" + key + "\\s*=.*")) {
                lines.add(replacement);
                replaced = true;
            } else {
                lines.add(line);
            }
        }
        if (!replaced) {
            lines.add(replacement);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        // the tar.gz unpacked by Maven may lose the execute bits of the scripts
        try (Stream<Path> scripts = Files.list(to.resolve("bin"))) {
            for (Path script : scripts.filter(Files::isRegularFile).toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(script);
                permissions.add(PosixFilePermission.OWNER_EXECUTE);
                Files.setPosixFilePermissions(script, permissions);
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    record ShellResult(boolean succeeded, String output) {
    }
}
