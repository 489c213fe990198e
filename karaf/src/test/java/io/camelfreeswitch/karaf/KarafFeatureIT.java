package io.camelfreeswitch.karaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;

import io.camelfreeswitch.simulator.ChannelRecord;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Karaf user's path, end to end, in a real Apache Karaf: add camel-freeswitch's features repository by its Maven
 * URL, install the {@code camel-freeswitch} feature (which pulls camel-karaf's {@code camel-core} and Netty), deploy
 * a route bundle that rings a group on the FreeSWITCH simulator running in this JVM, and read what the route
 * reports. Then the optional Redis feature, on the same Karaf: booting Karaf once keeps the test within minutes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KarafFeatureIT {

    // generous: these only bound a failure; on a 2-core machine shared with other builds Karaf boots in minutes
    private static final Duration BOOT = Duration.ofMinutes(6);
    private static final Duration INSTALL = Duration.ofMinutes(6);

    private static final String VERSION = System.getProperty("project.version");
    private static final String FEATURES_URL = "mvn:io.camelfreeswitch/camel-freeswitch-karaf/" + VERSION + "/xml/features";

    private static FreeSwitchSimulator simulator;
    private static KarafInstance karaf;
    private static Path work;

    @BeforeAll
    static void startKarafAndSimulator() throws Exception {
        work = Path.of(System.getProperty("karaf.test.work"));
        KarafInstance.deleteRecursively(work); // a report left by an earlier run must not pass for this one's
        Path staged = Path.of(System.getProperty("karaf.staged.repo"));
        stageFeaturesDescriptor(staged);

        simulator = FreeSwitchSimulator.builder().password("ClueCon").port(0).build();
        simulator.start();

        KarafSettings settings = new KarafSettings(staged, Path.of(System.getProperty("maven.local.repo")),
                System.getProperty("camel.karaf.version"),
                Boolean.parseBoolean(System.getProperty("camel.karaf.substitute", "true")));
        karaf = KarafInstance.prepare(Path.of(System.getProperty("karaf.home")), work, settings);
        karaf.start(BOOT);
    }

    @AfterAll
    static void stopKarafAndSimulator() throws Exception {
        try {
            if (karaf != null) {
                karaf.close();
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    @Test
    @Order(1)
    void aRouteInKarafRingsAGroupAndTheFirstToAnswerWins() throws Exception {
        String installed = karaf.execute(INSTALL,
                "feature:repo-add " + FEATURES_URL,
                "feature:install camel-freeswitch",
                "feature:list -i | grep camel-freeswitch");
        assertThat(installed).contains("camel-freeswitch");

        Path reports = Files.createDirectories(work.resolve("reports"));
        Properties route = new Properties();
        route.setProperty("esl.port", Integer.toString(simulator.port()));
        route.setProperty("esl.password", simulator.password());
        route.setProperty("destinations", "sim/busy,sim/answer-after-300,sim/no-answer");
        route.setProperty("report.dir", reports.toAbsolutePath().toString());
        Path routeBundle = RouteBundle.write(work.resolve("ring-group-route.jar"), route);

        karaf.execute(INSTALL, "bundle:install -s " + routeBundle.toUri());

        Path outcome = reports.resolve("outcome.txt");
        Path error = reports.resolve("error.txt");
        await("the route's report").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(outcome) || Files.exists(error));
        assertThat(error).as(() -> "the route failed:\n" + read(error)).doesNotExist();

        String[] reported = read(outcome).trim().split(" ");
        assertThat(reported).as("outcome, answered destination, answered uuid").hasSize(3);
        assertThat(reported[0]).isEqualTo("ANSWERED");
        assertThat(reported[1]).isEqualTo("sim/answer-after-300");

        ChannelRecord winner = simulator.ledger().channel(reported[2]).orElseThrow();
        assertThat(winner.destination()).isEqualTo("sim/answer-after-300");
        assertThat(winner.wasAnswered()).isTrue();
        // no leg outlives the route: the busy one ended by itself, the ring group hung up the one still ringing,
        // the route hung up the winner with freeswitch:hangup
        simulator.ledger().awaitNoLiveChannels(Duration.ofSeconds(30));
        assertThat(simulator.ledger().channels()).filteredOn(leg -> leg.destination().equals("sim/no-answer"))
                .singleElement().satisfies(leg -> assertThat(leg.wasAnswered()).isFalse());
    }

    @Test
    @Order(2)
    void theRedisFeatureWiresLettuceIntoTheInstalledComponent() throws Exception {
        karaf.execute(INSTALL, "feature:install camel-freeswitch-redis");

        String bundles = karaf.execute(INSTALL, "bundle:list -s -t 0");
        String componentId = bundles.lines().filter(line -> line.contains("io.camelfreeswitch.component"))
                .map(line -> line.split("\\|")[0].trim()).findFirst().orElseThrow();
        assertThat(bundles.lines().filter(line -> line.contains("wrap_io.lettuce.lettuce-core")))
                .singleElement().asString().contains("Active");

        // the component was resolved without Lettuce; the Redis feature must have re-wired its optional imports
        String requirements = karaf.execute(INSTALL, "bundle:requirements " + componentId);
        assertThat(requirements).containsPattern(
                "osgi.wiring.package=io.lettuce.core\\)[^\\n]*resolved by:\\s+osgi.wiring.package; io.lettuce.core 7\\.")
                .contains("from wrap_io.lettuce.lettuce-core");
    }

    /** Lays the filtered features.xml out as the Maven artifact users add with feature:repo-add. */
    private static void stageFeaturesDescriptor(Path staged) throws Exception {
        Path target = staged.resolve("io/camelfreeswitch/camel-freeswitch-karaf/" + VERSION
                + "/camel-freeswitch-karaf-" + VERSION + "-features.xml");
        Files.createDirectories(target.getParent());
        Files.copy(Path.of(System.getProperty("karaf.features.file")), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "(cannot read " + file + ": " + e + ")\nKaraf log:\n" + KarafInstance.tail(karaf.log(), 80);
        }
    }
}
