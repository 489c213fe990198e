package io.camelfreeswitch.call;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ring group's serial executor: its tasks run one at a time, in order, in as few turns of the shared executor as
 * possible, and it leaves the shared executor alone once nothing is queued.
 */
class SerialExecutorTest {

    /** A shared executor that runs nothing until told, and counts what it was given. */
    private static final class ManualExecutor implements Executor {
        private final Queue<Runnable> submitted = new ArrayDeque<>();
        private int submissions;

        @Override
        public void execute(Runnable command) {
            submissions++;
            submitted.add(command);
        }

        /** Runs everything submitted, including what running it submits. */
        void runAll() {
            Runnable next;
            int guard = 0;
            while ((next = submitted.poll()) != null) {
                assertThat(++guard).as("turns of the shared executor").isLessThan(100);
                next.run();
            }
        }
    }

    private final ManualExecutor shared = new ManualExecutor();
    private final SerialExecutor serial = new SerialExecutor(shared);
    private final List<String> ran = new ArrayList<>();

    @Test
    void tasks_queued_together_run_in_order_in_one_turn_and_then_it_stops() {
        serial.execute(() -> ran.add("answer"));
        serial.execute(() -> ran.add("hangup"));
        serial.execute(() -> ran.add("timeout"));

        assertThat(shared.submissions).isEqualTo(1);
        shared.runAll();

        assertThat(ran).containsExactly("answer", "hangup", "timeout");
        assertThat(shared.submissions).as("turns asked of the shared executor").isEqualTo(1);
    }

    @Test
    void a_task_queued_by_a_running_task_runs_in_the_same_turn() {
        serial.execute(() -> {
            ran.add("first");
            serial.execute(() -> ran.add("queued while running"));
        });

        shared.runAll();

        assertThat(ran).containsExactly("first", "queued while running");
        assertThat(shared.submissions).isEqualTo(1);
    }

    @Test
    void a_task_after_the_queue_ran_dry_takes_a_new_turn() {
        serial.execute(() -> ran.add("first"));
        shared.runAll();
        serial.execute(() -> ran.add("later"));
        shared.runAll();

        assertThat(ran).containsExactly("first", "later");
        assertThat(shared.submissions).isEqualTo(2);
    }

    @Test
    void a_failing_task_does_not_stop_the_ones_after_it() {
        serial.execute(() -> {
            throw new IllegalStateException("a listener broke");
        });
        serial.execute(() -> ran.add("after the failure"));

        shared.runAll();

        assertThat(ran).containsExactly("after the failure");
        serial.execute(() -> ran.add("next turn"));
        shared.runAll();
        assertThat(ran).containsExactly("after the failure", "next turn");
    }
}
