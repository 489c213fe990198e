package io.camelfreeswitch.springboot;

import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroup;
import io.camelfreeswitch.call.RingGroupListener;
import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.camelfreeswitch.esl.Registration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ring group metrics, fed by a {@link RingGroupListener}:
 * <ul>
 * <li>{@code freeswitch.ringgroup.calls} (counter; mode, outcome) — ring groups ended</li>
 * <li>{@code freeswitch.ringgroup.duration} (timer; mode, outcome) — from start to outcome</li>
 * <li>{@code freeswitch.ringgroup.legs} (counter; outcome) — legs originated, by how they ended</li>
 * <li>{@code freeswitch.ringgroup.legs.live} (gauge) — legs originated whose outcome is not decided yet</li>
 * <li>{@code freeswitch.balancer.load} (gauge; destination) — leases the LoadBalancer holds per destination, for
 * at most {@code maxDestinations} destinations (the first rung in BALANCING groups), so that dial strings cannot
 * make the number of time series grow without bound</li>
 * </ul>
 * Tags are enum names, never free text, except the bounded destination tag.
 */
public final class FreeSwitchMetrics implements MeterBinder, RingGroupListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FreeSwitchMetrics.class);

    private final LoadBalancer balancer;
    private final int maxDestinations;
    private final AtomicLong liveLegs = new AtomicLong();
    private final Set<String> gaugedDestinations = ConcurrentHashMap.newKeySet();
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private volatile boolean overflowLogged;
    private Registration registration;

    /**
     * @param balancer        whose load is published per destination; {@code null} publishes none
     * @param maxDestinations the most destinations that get a load gauge
     */
    public FreeSwitchMetrics(LoadBalancer balancer, int maxDestinations) {
        this.balancer = balancer;
        this.maxDestinations = maxDestinations;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        registries.add(registry);
        Gauge.builder("freeswitch.ringgroup.legs.live", liveLegs, AtomicLong::get)
                .description("Ring group legs originated whose outcome is not decided yet")
                .register(registry);
        gaugedDestinations.forEach(destination -> registerLoadGauge(registry, destination));
        if (registration == null) {
            registration = RingGroup.addListener(this);
        }
    }

    @Override
    public void legStarted(RingGroupRequest request, String destination) {
        liveLegs.incrementAndGet();
    }

    @Override
    public void legEnded(RingGroupRequest request, LegResult leg) {
        liveLegs.decrementAndGet();
        for (MeterRegistry registry : registries) {
            Counter.builder("freeswitch.ringgroup.legs")
                    .description("Ring group legs originated, by how they ended")
                    .tag("outcome", leg.outcome().name())
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void groupEnded(RingGroupRequest request, RingGroupResult result, Duration elapsed) {
        String mode = request.mode().name();
        String outcome = result.outcome().name();
        for (MeterRegistry registry : registries) {
            Counter.builder("freeswitch.ringgroup.calls")
                    .description("Ring groups ended, by mode and outcome")
                    .tags("mode", mode, "outcome", outcome)
                    .register(registry)
                    .increment();
            Timer.builder("freeswitch.ringgroup.duration")
                    .description("Time from a ring group's start to its outcome")
                    .tags("mode", mode, "outcome", outcome)
                    .register(registry)
                    .record(elapsed);
        }
        if (balancer != null && request.balancer() == balancer) {
            request.destinations().forEach(this::gaugeLoadOf);
        }
    }

    private void gaugeLoadOf(String destination) {
        if (gaugedDestinations.contains(destination)) {
            return;
        }
        if (gaugedDestinations.size() >= maxDestinations) {
            if (!overflowLogged) {
                overflowLogged = true;
                LOG.info("freeswitch.balancer.load is published for the first {} destinations only"
                        + " (camel.component.freeswitch.metrics.max-destinations)", maxDestinations);
            }
            return;
        }
        if (gaugedDestinations.add(destination)) {
            registries.forEach(registry -> registerLoadGauge(registry, destination));
        }
    }

    private void registerLoadGauge(MeterRegistry registry, String destination) {
        LoadReading reading = new LoadReading(balancer, destination);
        Gauge.builder("freeswitch.balancer.load", reading, LoadReading::read)
                .description("Leases the LoadBalancer holds on a destination (calls ringing or, with loadScope"
                        + " CALL, connected)")
                .tag("destination", destination)
                .register(registry);
    }

    @Override
    public synchronized void close() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
    }

    /**
     * A gauge must answer at once, and a remote balancer (Redis) answers asynchronously: each reading returns the
     * value last fetched and asks for a fresh one. An in-memory balancer answers in the same call, so it is exact.
     */
    private static final class LoadReading {
        private final LoadBalancer balancer;
        private final String destination;
        private volatile double last;

        LoadReading(LoadBalancer balancer, String destination) {
            this.balancer = balancer;
            this.destination = destination;
        }

        double read() {
            balancer.load(destination).thenAccept(load -> last = load);
            return last;
        }
    }
}
