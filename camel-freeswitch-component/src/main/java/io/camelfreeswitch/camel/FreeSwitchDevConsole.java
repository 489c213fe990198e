package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.LegResult;
import io.camelfreeswitch.call.balancer.LoadBalancer;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code freeswitch}: what every freeswitch component of the context holds now — its event socket connections and
 * their state, the ring groups still ringing with each leg's destination, uuid, state and age, and the load the
 * balancers count per destination.
 */
@DevConsole(name = "freeswitch", displayName = "FreeSWITCH", description = "FreeSWITCH connections, ring groups in"
        + " flight and balancer loads")
public class FreeSwitchDevConsole extends AbstractDevConsole {

    /** How long a reading (a ring group's legs, a Redis balancer's load) may take before it is shown as unknown. */
    private static final long READ_TIMEOUT_MILLIS = 1000;

    public FreeSwitchDevConsole() {
        super("camel", "freeswitch", "FreeSWITCH", "FreeSWITCH connections, ring groups in flight and balancer loads");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (ComponentView view : views()) {
            text.append("Component: ").append(view.name()).append('\n');
            text.append("  Connections (").append(view.connections().size()).append("):\n");
            for (ConnectionView connection : view.connections()) {
                text.append(String.format("    %s  %s  routes using it: %d%n", connection.name(), connection.state(),
                        connection.users()));
            }
            text.append("  Ring groups in flight (").append(view.groups().size()).append("):\n");
            for (GroupView group : view.groups()) {
                text.append(String.format("    route %s  %s  age %s  %s%n", group.routeId(), group.mode(),
                        age(group.age()), group.endpointUri()));
                for (LegView leg : group.legs()) {
                    text.append(String.format("      %-24s %s  %-8s age %s%n", leg.destination(), leg.uuid(),
                            leg.state(), age(leg.age())));
                }
            }
            text.append("  Balancer loads:\n");
            for (BalancerView balancer : view.balancers()) {
                text.append("    ").append(balancer.name()).append('\n');
                balancer.loads().forEach((destination, load) -> text.append(String.format("      %-24s %s%n",
                        destination, load == null ? "unknown" : load)));
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray components = new JsonArray();
        for (ComponentView view : views()) {
            JsonObject component = new JsonObject();
            component.put("name", view.name());
            JsonArray connections = new JsonArray();
            for (ConnectionView connection : view.connections()) {
                JsonObject json = new JsonObject();
                json.put("name", connection.name());
                json.put("state", connection.state());
                json.put("users", connection.users());
                connections.add(json);
            }
            component.put("connections", connections);
            JsonArray groups = new JsonArray();
            for (GroupView group : view.groups()) {
                JsonObject json = new JsonObject();
                json.put("routeId", group.routeId());
                json.put("endpointUri", group.endpointUri());
                json.put("mode", group.mode());
                json.put("ageMillis", group.age().toMillis());
                JsonArray legs = new JsonArray();
                for (LegView leg : group.legs()) {
                    JsonObject legJson = new JsonObject();
                    legJson.put("destination", leg.destination());
                    legJson.put("uuid", leg.uuid());
                    legJson.put("state", leg.state());
                    legJson.put("ageMillis", leg.age().toMillis());
                    legs.add(legJson);
                }
                json.put("legs", legs);
                groups.add(json);
            }
            component.put("ringGroups", groups);
            JsonArray balancers = new JsonArray();
            for (BalancerView balancer : view.balancers()) {
                JsonObject json = new JsonObject();
                json.put("name", balancer.name());
                json.put("loads", new JsonObject(new LinkedHashMap<>(balancer.loads())));
                balancers.add(json);
            }
            component.put("balancers", balancers);
            components.add(component);
        }
        JsonObject root = new JsonObject();
        root.put("components", components);
        return root;
    }

    private List<ComponentView> views() {
        List<ComponentView> views = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof FreeSwitchComponent freeswitch) {
                views.add(view(name, freeswitch));
            }
        }
        return views;
    }

    private static ComponentView view(String name, FreeSwitchComponent component) {
        List<ConnectionView> connections = component.getConnectionManager().connections().stream()
                .map(c -> new ConnectionView(c.name(), c.state().name(), c.references()))
                .toList();
        Instant now = Instant.now();
        List<GroupView> groups = new ArrayList<>();
        for (RingGroupsInFlight.Group group : component.getRingGroupsInFlight().groups()) {
            List<LegView> legs = read(group.future().legs(), List.<LegResult>of()).stream()
                    .map(leg -> new LegView(leg.destination(), leg.uuid(), stateOf(leg),
                            Duration.between(leg.ringStarted(), now)))
                    .toList();
            groups.add(new GroupView(group.routeId(), group.endpointUri(), group.request().mode().name(),
                    Duration.between(group.started(), now), legs));
        }
        List<BalancerView> balancers = new ArrayList<>();
        for (Map.Entry<LoadBalancer, List<String>> entry
                : component.getRingGroupsInFlight().balancedDestinations().entrySet()) {
            LoadBalancer balancer = entry.getKey();
            Map<String, CompletableFuture<Long>> pending = new LinkedHashMap<>();
            entry.getValue().forEach(destination -> pending.put(destination, balancer.load(destination)));
            Map<String, Long> loads = new LinkedHashMap<>();
            pending.forEach((destination, load) -> loads.put(destination, read(load, null)));
            balancers.add(new BalancerView(balancer.getClass().getSimpleName() + "@"
                    + Integer.toHexString(System.identityHashCode(balancer)), loads));
        }
        return new ComponentView(name, connections, groups, balancers);
    }

    private static String stateOf(LegResult leg) {
        if (leg.outcome() != null) {
            return leg.outcome().name();
        }
        return leg.answeredAt() != null ? "ANSWERED" : "RINGING";
    }

    private static <T> T read(CompletableFuture<T> future, T otherwise) {
        try {
            return future.get(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        } catch (Exception e) {
            return otherwise;
        }
    }

    private static String age(Duration age) {
        return String.format("%d.%ds", age.toSeconds(), age.toMillisPart() / 100);
    }

    private record ComponentView(String name, List<ConnectionView> connections, List<GroupView> groups,
            List<BalancerView> balancers) {
    }

    private record ConnectionView(String name, String state, int users) {
    }

    private record GroupView(String routeId, String endpointUri, String mode, Duration age, List<LegView> legs) {
    }

    private record LegView(String destination, String uuid, String state, Duration age) {
    }

    private record BalancerView(String name, Map<String, Long> loads) {
    }
}
