package io.camelfreeswitch.examples.boot;

import io.camelfreeswitch.simulator.Behaviour;
import io.camelfreeswitch.simulator.FreeSwitchSimulator;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

import java.util.Map;

/**
 * With the {@code simulator} profile, starts the embedded FreeSWITCH simulator before anything connects to it, scripts
 * the agents of {@code simulator.agents} ({@code user/1001=answer-after-1000,user/1002=busy,...}) and points
 * {@code camel.component.freeswitch.*} at it. It is registered as the bean {@code freeSwitchSimulator} and closed
 * after every other bean. Without the profile nothing happens: the application talks to the configured FreeSWITCH.
 */
public class SimulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of("simulator"))) {
            return;
        }
        FreeSwitchSimulator simulator = FreeSwitchSimulator.builder()
                .port(environment.getProperty("simulator.port", Integer.class, 0))
                .password(environment.getProperty("simulator.password", "ClueCon"))
                .build();
        for (String agent : environment.getProperty("simulator.agents", String[].class, new String[0])) {
            int eq = agent.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("simulator.agents: '" + agent + "' is not dial-string=behaviour");
            }
            String spec = agent.substring(eq + 1).strip();
            simulator.destination(agent.substring(0, eq).strip(), Behaviour.parse(spec).orElseThrow(() ->
                    new IllegalArgumentException("simulator.agents: unknown behaviour '" + spec + "' (answer,"
                            + " answer-after-N, busy, no-answer, reject-CAUSE, early-N, hangup-after-N)")));
        }
        simulator.start();
        environment.getPropertySources().addFirst(new MapPropertySource("freeSwitchSimulator", Map.of(
                "camel.component.freeswitch.host", simulator.host(),
                "camel.component.freeswitch.port", simulator.port(),
                "camel.component.freeswitch.password", simulator.password())));
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("freeSwitchSimulator", simulator);
        // registered first, destroyed last: Camel hangs up and disconnects before the simulator goes away
        beans.registerDisposableBean("freeSwitchSimulator", simulator::close);
    }
}
