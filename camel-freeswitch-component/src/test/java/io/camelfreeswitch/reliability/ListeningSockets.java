package io.camelfreeswitch.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The addresses the kernel says a TCP port is listened on, read from {@code /proc/net/tcp} and {@code tcp6}: the
 * only way to see the bind address of a server whose API only tells its port. Linux only, like the build machine.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Local addresses in the kernel's hex form, e.g. {@code 0100007F} for 127.0.0.1, {@code 00000000} for any. */
    static List<String> listeningAddresses(int port) {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        return Stream.of("/proc/net/tcp", "/proc/net/tcp6").map(Path::of).filter(Files::exists)
                .flatMap(ListeningSockets::lines)
                .map(String::trim).filter(line -> !line.startsWith("sl"))
                .map(line -> line.split("\\s+"))
                .filter(cols -> cols.length > 3 && cols[3].equals(LISTEN) && cols[1].endsWith(":" + hexPort))
                .map(cols -> cols[1].substring(0, cols[1].indexOf(':')))
                .toList();
    }

    static final String LOOPBACK_V4 = "0100007F";
    /** 127.0.0.1 as an IPv4-mapped IPv6 address (::ffff:127.0.0.1), how a dual-stack JVM binds it. */
    static final String LOOPBACK_V4_MAPPED = "0000000000000000FFFF00000100007F";

    /** True when every listening socket on the port is bound to 127.0.0.1 (and there is at least one). */
    static boolean loopbackOnly(int port) {
        List<String> addresses = listeningAddresses(port);
        return !addresses.isEmpty() && addresses.stream()
                .allMatch(a -> a.equals(LOOPBACK_V4) || a.equals(LOOPBACK_V4_MAPPED));
    }

    private static Stream<String> lines(Path path) {
        try {
            return Files.readAllLines(path).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
