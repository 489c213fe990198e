package io.camelfreeswitch.karaf;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration files the test writes into Karaf's etc/: where Karaf's Maven resolver looks, and the features
 * processing that stands in for the camel-karaf bundles this build machine cannot download.
 *
 * <p>Why the stand-in: the Maven repository reachable from this project's build machines serves camel-karaf's
 * features descriptor and camel-core-osgi 4.14.5, but not camel-karaf's re-packaged Camel core bundles
 * ({@code mvn:org.apache.camel.karaf/camel-api/4.14.5} and its siblings answer 404). Those bundles are Camel's own
 * 4.14.5 jars, shaded, with a bnd manifest exporting {@code org.apache.camel*;version=4.14.5}. Karaf's features
 * processing replaces each with {@code wrap:} of the very same Camel jar and the same export, so the real
 * camel-karaf {@code camel-core} feature, its Activator (component discovery) and OsgiDefaultCamelContext are
 * what the test runs. Set {@code -Dcamel.karaf.substitute=false} where the real bundles can be downloaded.
 */
record KarafSettings(Path stagedRepository, Path localRepository, String camelKarafVersion, boolean substitute) {

    /** camel-core's bundles that exist as plain Camel jars of the same version. */
    private static final List<String> CAMEL_CORE_BUNDLES = List.of(
            "camel-api", "camel-management-api", "camel-util", "camel-util-json", "camel-support", "camel-base",
            "camel-base-engine", "camel-core-model", "camel-core-reifier", "camel-core-processor", "camel-core-engine",
            "camel-core-languages", "camel-core-catalog", "camel-cloud", "camel-cluster",
            "camel-health", "camel-xml-io", "camel-xml-io-util", "camel-xml-jaxp", "camel-xml-jaxb",
            "camel-tooling-model", "camel-main", "camel-bean", "camel-browse", "camel-controlbus", "camel-dataformat",
            "camel-dataset", "camel-direct", "camel-file", "camel-language", "camel-log", "camel-mock", "camel-ref",
            "camel-rest", "camel-saga", "camel-scheduler", "camel-seda", "camel-stub", "camel-timer",
            "camel-validator", "camel-xpath", "camel-xslt");

    /** camel-core's bundles with no counterpart to download at all: JMX management, the Karaf shell commands. */
    private static final List<String> CAMEL_CORE_UNAVAILABLE = List.of(
            "camel-management", "camel-console", "camel-vm", "camel-directvm", "camel-karaf-shell");

    String mavenResolverConfiguration() {
        return """
                # written by KarafFeatureIT: this build's local repository, then the bundles this build staged, then Central
                org.ops4j.pax.url.mvn.localRepository=%s
                org.ops4j.pax.url.mvn.defaultRepositories=%s@id=camel-freeswitch-staged@snapshots, \\
                    ${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, \\
                    ${karaf.data.uri}kar@id=kar.repository@multi@snapshots
                org.ops4j.pax.url.mvn.repositories=https://repo1.maven.org/maven2@id=central
                org.ops4j.pax.url.mvn.useFallbackRepositories=false
                org.ops4j.pax.url.mvn.certificateCheck=true
                org.ops4j.pax.url.mvn.timeout=10000
                org.ops4j.pax.url.mvn.socket.connectionTimeout=10000
                org.ops4j.pax.url.mvn.socket.readTimeout=60000
                org.ops4j.pax.url.mvn.connection.retryCount=3
                """.formatted(localRepository.toAbsolutePath(), stagedRepository.toAbsolutePath().toUri());
    }

    String featuresProcessing() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <featuresProcessing xmlns="http://karaf.apache.org/xmlns/features-processing/v1.0.0">
                """);
        if (substitute) {
            xml.append("  <bundleReplacements>\n");
            for (String artifact : CAMEL_CORE_BUNDLES) {
                replace(xml, artifact, wrapped(artifact));
            }
            // dropped by pointing them at camel-core-osgi, which the feature installs anyway: a blacklist entry
            // does not stop Karaf 4.4 from downloading a bundle of a <conditional>, as camel-karaf-shell is
            for (String artifact : CAMEL_CORE_UNAVAILABLE) {
                replace(xml, artifact, "mvn:org.apache.camel.karaf/camel-core-osgi/" + camelKarafVersion);
            }
            xml.append("  </bundleReplacements>\n");
        }
        return xml.append("</featuresProcessing>\n").toString();
    }

    private void replace(StringBuilder xml, String artifact, String replacement) {
        xml.append("    <bundle mode=\"maven\" originalUri=\"mvn:org.apache.camel.karaf/").append(artifact)
                .append('/').append(camelKarafVersion).append("\" replacement=\"")
                .append(replacement.replace("&", "&amp;").replace("\"", "&quot;")).append("\"/>\n");
    }

    private String wrapped(String artifact) {
        return "wrap:mvn:org.apache.camel/" + artifact + "/" + camelKarafVersion
                + "$Bundle-SymbolicName=org.apache.camel.karaf." + artifact
                + "&Bundle-Version=" + camelKarafVersion
                + "&Export-Package=org.apache.camel*;version=" + camelKarafVersion
                + "&Import-Package=*;resolution:=optional";
    }
}
