package io.camelfreeswitch.esl;

import io.camelfreeswitch.esl.internal.SerialExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state listener added with a lane of its own (a ring group on the I/O lane) hears of the connection there: the
 * current state is queued on that lane at once, not sent through the state lane first, and each later change is
 * passed on to it in turn. Whatever order those tells reach the lane in, it never hears an older state after a
 * newer one.
 */
class StateListenerOnALaneTest {

    /** Runs what it is given only when the test says so, oldest first or newest first. */
    private static final class HeldTasks implements Executor {
        private final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        int size() {
            return tasks.size();
        }

        void runOldestFirst() {
            while (!tasks.isEmpty()) {
                tasks.pollFirst().run();
            }
        }

        void runNewestFirst() {
            while (!tasks.isEmpty()) {
                tasks.pollLast().run();
            }
        }
    }

    private final HeldTasks statePool = new HeldTasks();
    private final HeldTasks ownLane = new HeldTasks();
    private final ConnectionStates states = new ConnectionStates(ConnectionState.UP, new SerialExecutor(statePool),
            () -> "test:8021");
    private final List<ConnectionState> heard = new ArrayList<>();

    @Test
    void the_current_state_is_queued_on_the_listeners_lane_without_a_trip_through_the_state_lane() {
        states.addListener(ownLane, (state, cause) -> heard.add(state));

        assertThat(statePool.size()).isZero();
        assertThat(heard).as("not inside the registration").isEmpty();
        ownLane.runOldestFirst();
        assertThat(heard).containsExactly(ConnectionState.UP);
    }

    @Test
    void each_later_change_is_passed_on_to_the_listeners_lane_in_order() {
        states.addListener(ownLane, (state, cause) -> heard.add(state));
        ownLane.runOldestFirst();

        states.set(ConnectionState.DOWN, new IllegalStateException("socket closed"), null);
        states.set(ConnectionState.CONNECTING, null, null);
        states.set(ConnectionState.UP, null, null);
        assertThat(ownLane.size()).as("only through the state lane").isZero();
        statePool.runOldestFirst();
        ownLane.runOldestFirst();

        assertThat(heard).containsExactly(ConnectionState.UP, ConnectionState.DOWN, ConnectionState.CONNECTING,
                ConnectionState.UP);
    }

    @Test
    void a_tell_overtaken_by_a_newer_one_is_not_heard() {
        states.addListener(ownLane, (state, cause) -> heard.add(state)); // UP, as registered
        states.set(ConnectionState.DOWN, null, null);
        statePool.runOldestFirst();

        ownLane.runNewestFirst(); // DOWN arrives first, then the UP of the registration

        assertThat(heard).containsExactly(ConnectionState.DOWN);
    }

    @Test
    void a_closed_registration_hears_no_later_change() {
        Registration registration = states.addListener(ownLane, (state, cause) -> heard.add(state));
        ownLane.runOldestFirst();
        registration.close();

        states.set(ConnectionState.DOWN, null, null);
        statePool.runOldestFirst();
        ownLane.runOldestFirst();

        assertThat(heard).containsExactly(ConnectionState.UP);
    }
}
