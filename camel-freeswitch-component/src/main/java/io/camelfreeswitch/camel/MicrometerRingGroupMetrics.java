package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.RingGroupListener;
import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.call.RingMode;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Ring group meters of one Camel context, all tagged {@code camelContext}:
 * <ul>
 * <li>{@code freeswitch.ringgroup.calls} (counter; routeId, mode, outcome) — ring groups ended</li>
 * <li>{@code freeswitch.ringgroup.duration} (timer; routeId, mode, outcome) — from start to outcome</li>
 * <li>{@code freeswitch.ringgroup.legs} (counter; routeId, outcome) — legs originated, by how they ended</li>
 * <li>{@code freeswitch.ringgroup.legs.live} (gauge; routeId) — legs whose outcome is not decided yet</li>
 * <li>{@code freeswitch.balancer.load} (gauge; destination) — leases the LoadBalancer holds per destination, for at
 * most {@code maxDestinations} destinations, so that dial strings cannot grow the number of time series unbounded</li>
 * </ul>
 * Micrometer keeps only a weak reference to a gauge's object unless told otherwise: every gauge here is registered
 * with a strong reference, or it would read NaN after the first garbage collection.
 */
final class MicrometerRingGroupMetrics implements RingGroupMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerRingGroupMetrics.class);

    private final MeterRegistry registry;
    private final Tags contextTags;
    private final int maxDestinations;
    private final Map<String, RouteMeters> routes = new ConcurrentHashMap<>();
    private final Set<String> gaugedDestinations = ConcurrentHashMap.newKeySet();
    private final Set<Meter> meters = ConcurrentHashMap.newKeySet();
    private volatile boolean overflowLogged;

    private MicrometerRingGroupMetrics(MeterRegistry registry, String camelContext, int maxDestinations) {
        this.registry = registry;
        this.contextTags = Tags.of("camelContext", camelContext);
        this.maxDestinations = maxDestinations;
    }

    /** Publishes to the registry's only MeterRegistry (or its only composite one); {@code null} when none fits. */
    static MicrometerRingGroupMetrics bind(CamelContext context, int maxDestinations) {
        Set<MeterRegistry> found = context.getRegistry().findByType(MeterRegistry.class);
        MeterRegistry registry = pick(found);
        if (registry == null) {
            if (found.size() > 1) {
                LOG.warn("{} MeterRegistry beans and no single composite one among them: no ring group metrics",
                        found.size());
            }
            return null;
        }
        LOG.debug("Ring group metrics of {} published to {}", context.getName(), registry);
        return new MicrometerRingGroupMetrics(registry, context.getName(), maxDestinations);
    }

    private static MeterRegistry pick(Set<MeterRegistry> found) {
        if (found.size() == 1) {
            return found.iterator().next();
        }
        // Spring Boot with several monitoring systems: the composite one feeds them all
        List<MeterRegistry> composites = found.stream().filter(r -> r instanceof CompositeMeterRegistry).toList();
        return composites.size() == 1 ? composites.get(0) : null;
    }

    @Override
    public RingGroupListener forRoute(String routeId) {
        return routes.computeIfAbsent(routeId, RouteMeters::new);
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
        routes.clear();
        gaugedDestinations.clear();
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }

    /**
     * Every gauge of this component: Micrometer keeps a gauge's object only weakly, and a gauge over an object
     * nothing else keeps would read NaN after the next garbage collection.
     */
    private static <T> Gauge.Builder<T> gauge(String name, T object, ToDoubleFunction<T> reading) {
        return Gauge.builder(name, object, reading).strongReference(true);
    }

    private void gaugeLoadOf(LoadBalancer balancer, String destination) {
        if (gaugedDestinations.contains(destination)) {
            return;
        }
        if (gaugedDestinations.size() >= maxDestinations) {
            if (!overflowLogged) {
                overflowLogged = true;
                LOG.info("freeswitch.balancer.load is published for the first {} destinations only"
                        + " (metricsMaxDestinations)", maxDestinations);
            }
            return;
        }
        if (gaugedDestinations.add(destination)) {
            keep(gauge("freeswitch.balancer.load", new LoadReading(balancer, destination), LoadReading::read)
                    .description("Leases the LoadBalancer holds on a destination (calls ringing or, with loadScope"
                            + " CALL, connected)")
                    .tags(contextTags).tag("destination", destination)
                    .register(registry));
        }
    }

    /** The meters of one route; its live-legs gauge reads a counter this object holds. */
    private final class RouteMeters implements RingGroupListener {
        private final Tags tags;
        private final AtomicLong liveLegs = new AtomicLong();

        RouteMeters(String routeId) {
            this.tags = contextTags.and("routeId", routeId);
            keep(gauge("freeswitch.ringgroup.legs.live", liveLegs, AtomicLong::get)
                    .description("Ring group legs originated whose outcome is not decided yet")
                    .tags(tags)
                    .register(registry));
        }

        @Override
        public void legStarted(RingGroupRequest request, String destination) {
            liveLegs.incrementAndGet();
        }

        @Override
        public void legEnded(RingGroupRequest request, LegResult leg) {
            liveLegs.decrementAndGet();
            keep(Counter.builder("freeswitch.ringgroup.legs")
                    .description("Ring group legs originated, by how they ended")
                    .tags(tags).tag("outcome", leg.outcome().name())
                    .register(registry)).increment();
        }

        @Override
        public void groupEnded(RingGroupRequest request, RingGroupResult result, Duration elapsed) {
            Tags outcomeTags = tags.and("mode", request.mode().name(), "outcome", result.outcome().name());
            keep(Counter.builder("freeswitch.ringgroup.calls")
                    .description("Ring groups ended, by mode and outcome")
                    .tags(outcomeTags)
                    .register(registry)).increment();
            keep(Timer.builder("freeswitch.ringgroup.duration")
                    .description("Time from a ring group's start to its outcome")
                    .tags(outcomeTags)
                    .register(registry)).record(elapsed);
            if (request.balancer() != null && request.mode() == RingMode.BALANCING) {
                request.destinations().forEach(destination -> gaugeLoadOf(request.balancer(), destination));
            }
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
