package io.camelfreeswitch.simulator.internal;

import io.camelfreeswitch.simulator.Behaviour;

import java.util.Map;
import java.util.Optional;

/**
 * How a dialled endpoint string maps to a channel: its name, number, source module, and the behaviour of whoever
 * answers it (or why it cannot be rung at all).
 */
public record Endpoint(String dialled, String channelName, String number, String context, String source,
                       String endpointType, Behaviour behaviour, String failureCause) {

    /**
     * Resolution order: a destination declared in code; the {@code sim/<spec>} convention; the loopback dialplan
     * {@code loopback/<ext>[/context]} (the captures' extensions, the {@code sim/} specs, and the shipped IT dialplan's
     * {@code socket-<host>-<port>}); then USER_NOT_REGISTERED for {@code user/...} and
     * NO_ROUTE_DESTINATION for anything else.
     */
    public static Endpoint resolve(String dialled, Map<String, Behaviour> declared) {
        String d = dialled.trim();
        Behaviour scripted = declared.get(d);
        if (scripted == null && d.startsWith("user/") && d.contains("@")) {
            scripted = declared.get(d.substring(0, d.indexOf('@')));
        }
        if (d.startsWith("loopback/")) {
            String[] parts = d.substring("loopback/".length()).split("/");
            String ext = parts[0];
            String ctx = parts.length > 1 ? parts[1] : "default";
            if (scripted == null) {
                scripted = declared.get("loopback/" + ext);
            }
            Behaviour b = scripted != null ? scripted : Behaviour.parse(ext).orElse(null);
            if (b == null && LoopbackSocket.isSocketExtension(ext)) {
                // rings until the B leg's socket consumer answers it (see LoopbackSocket)
                b = Behaviour.noAnswer();
            }
            if (b == null) {
                return new Endpoint(d, "loopback/" + ext + "-a", ext, ctx, "mod_loopback", "loopback",
                        Behaviour.reject("NO_ROUTE_DESTINATION"), null);
            }
            return new Endpoint(d, "loopback/" + ext + "-a", ext, ctx, "mod_loopback", "loopback", b, null);
        }
        if (d.startsWith("sim/")) {
            String spec = d.substring(4);
            Behaviour b = scripted != null ? scripted : Behaviour.parse(spec).orElse(null);
            if (b == null) {
                return failed(d, "NO_ROUTE_DESTINATION");
            }
            return new Endpoint(d, d, spec, "default", "mod_sim", "sim", b, null);
        }
        if (d.startsWith("user/")) {
            String user = d.substring(5);
            String number = user.contains("@") ? user.substring(0, user.indexOf('@')) : user;
            String domain = user.contains("@") ? user.substring(user.indexOf('@') + 1) : "127.0.0.1";
            if (scripted == null) {
                return failed(d, "USER_NOT_REGISTERED");
            }
            return new Endpoint(d, "sofia/internal/" + number + "@" + domain, number, "default", "mod_sofia", "sofia",
                    scripted, null);
        }
        if (scripted == null) {
            return failed(d, "NO_ROUTE_DESTINATION");
        }
        String number = d.substring(d.lastIndexOf('/') + 1);
        String type = d.contains("/") ? d.substring(0, d.indexOf('/')) : d;
        return new Endpoint(d, d, number, "default", "mod_" + type, type, scripted, null);
    }

    private static Endpoint failed(String d, String cause) {
        return new Endpoint(d, d, d, "default", "", "", null, cause);
    }

    public Optional<String> immediateFailure() {
        if (failureCause != null) {
            return Optional.of(failureCause);
        }
        if (behaviour.kind() == Behaviour.Kind.UNREGISTERED) {
            return Optional.of(behaviour.cause());
        }
        return Optional.empty();
    }
}
