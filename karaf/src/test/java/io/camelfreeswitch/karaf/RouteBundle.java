package io.camelfreeswitch.karaf;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import io.camelfreeswitch.karaf.route.RingGroupRouteActivator;

/**
 * Packs the compiled classes of {@code io.camelfreeswitch.karaf.route} into the bundle a Karaf user would deploy:
 * a Camel route that only knows the component by its URI scheme, importing Camel with the range camel-karaf
 * 4.14 satisfies.
 */
final class RouteBundle {

    private static final String ROUTE_PACKAGE = RingGroupRouteActivator.class.getPackageName();

    private RouteBundle() {
    }

    static Path write(Path jar, Properties settings) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "io.camelfreeswitch.karaf.it.route");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", RingGroupRouteActivator.class.getName());
        main.putValue("Import-Package", String.join(",", List.of(
                "org.apache.camel;version=\"[4.14,5)\"",
                "org.apache.camel.builder;version=\"[4.14,5)\"",
                "org.apache.camel.model;version=\"[4.14,5)\"",
                "org.apache.camel.spi;version=\"[4.14,5)\"",
                "org.apache.camel.karaf.core;version=\"[4.14,5)\"",
                "org.osgi.framework;version=\"[1.8,2)\"")));

        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            Path classes = classesRoot();
            Path packageDir = classes.resolve(ROUTE_PACKAGE.replace('.', '/'));
            try (Stream<Path> files = Files.list(packageDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            out.putNextEntry(new JarEntry("ring-group-route.properties"));
            settings.store(out, "where the route finds the simulator and reports"); // flushes, leaves the jar open
            out.closeEntry();
        }
        return jar;
    }

    private static Path classesRoot() {
        try {
            return Path.of(RingGroupRouteActivator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
