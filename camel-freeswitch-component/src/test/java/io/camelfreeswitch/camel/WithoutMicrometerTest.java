package io.camelfreeswitch.camel;

import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.FreeSwitchSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer is an optional dependency: an application without it on its classpath gets a working component, only
 * no metrics. Proven in a class loader that holds everything of this module's test classpath except Micrometer.
 */
class WithoutMicrometerTest {

    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass();

    private static URL[] classpathWithoutMicrometer() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.replace('\\', '/').contains("/io/micrometer/")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    @Test
    void theComponentStartsAndRingsWithoutMicrometerOnTheClasspath() throws Exception {
        SIM.simulator().destination("user/no-metrics", Behaviour.busy());
        String target = "host=127.0.0.1&port=" + SIM.simulator().port() + "&password=" + SIM.simulator().password();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // not closed: the isolated Netty's threads wind down after the test and still load classes from it
        URLClassLoader isolated = new URLClassLoader(classpathWithoutMicrometer(), ClassLoader.getPlatformClassLoader());
        try {
            assertThatThrownBy(() -> Class.forName(RingGroupMetrics.METER_REGISTRY_CLASS, false, isolated))
                    .isInstanceOf(ClassNotFoundException.class);
            thread.setContextClassLoader(isolated);
            Class<?> contextClass = isolated.loadClass("org.apache.camel.impl.DefaultCamelContext");
            Object camel = contextClass.getConstructor().newInstance();
            contextClass.getMethod("start").invoke(camel);
            try {
                Object component = contextClass.getMethod("getComponent", String.class).invoke(camel, "freeswitch");
                assertThat(component.getClass().getName()).isEqualTo(FreeSwitchComponent.class.getName());
                assertThat(component.getClass().getClassLoader()).isSameAs(isolated);

                Object template = contextClass.getMethod("createProducerTemplate").invoke(camel);
                var requestBody = template.getClass().getMethod("requestBody", String.class, Object.class);
                Object status = requestBody.invoke(template, "freeswitch:api?command=status&" + target, null);
                assertThat(status.toString()).contains("UP");
                Object result = requestBody.invoke(template,
                        "freeswitch:ringGroup?destinations=user/no-metrics&timeout=2s&" + target, null);
                assertThat(result.getClass().getMethod("outcome").invoke(result)).hasToString("NO_ANSWER");
            } finally {
                contextClass.getMethod("stop").invoke(camel);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        SIM.simulator().ledger().awaitNoLiveChannels(Duration.ofSeconds(10));
    }
}
