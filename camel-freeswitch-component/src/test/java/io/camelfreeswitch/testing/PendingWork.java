package io.camelfreeswitch.testing;

import io.camelfreeswitch.esl.EslClient;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an ESL client still holds for work that should be over: bgapi jobs and executions waiting for their events,
 * per-channel event listeners and connection-state listeners (each ring group watches the connection while it
 * has legs to kill). Read by reflection because the client rightly does not publish its bookkeeping;
 * after a soak all of it must be empty, or futures are pending forever and memory grows with every call.
 */
public final class PendingWork {

    private PendingWork() {
    }

    /** Sizes by name: {@code jobs}, {@code executions}, {@code channelListeners}, {@code stateListeners}. */
    public static Map<String, Integer> of(EslClient client) {
        Map<String, Integer> sizes = new TreeMap<>();
        Object dispatcher = read(client, "dispatcher");
        Object awaited = read(client, "awaited");
        sizes.put("jobs", ((Map<?, ?>) read(awaited, "jobs")).size());
        sizes.put("executions", ((Map<?, ?>) read(awaited, "executions")).size());
        sizes.put("channelListeners", ((Map<?, ?>) read(dispatcher, "byUniqueId")).size());
        sizes.put("stateListeners", ((java.util.List<?>) read(read(client, "states"), "listeners")).size());
        return sizes;
    }

    public static boolean none(EslClient client) {
        return of(client).values().stream().allMatch(size -> size == 0);
    }

    private static Object read(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no field " + name + " in " + target.getClass());
    }
}
