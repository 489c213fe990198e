package io.camelfreeswitch.esl.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serial executor behind the connection's event lanes and every ring group: its tasks run one at a time, in
 * order, in as few turns of the shared executor as possible, never more than a batch per turn, and it leaves the
 * shared executor alone once nothing is queued.
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

    @Test
    void a_long_queue_yields_the_shared_executor_after_a_batch_and_continues_in_order() {
        int queued = SerialExecutor.BATCH * 2 + 1;
        for (int i = 0; i < queued; i++) {
            String task = "task " + i;
            serial.execute(() -> ran.add(task));
        }

        shared.submitted.poll().run();
        assertThat(ran).as("one turn").hasSize(SerialExecutor.BATCH);
        assertThat(shared.submitted).as("the rest is queued behind other lanes' turns").hasSize(1);
        shared.runAll();

        assertThat(ran).hasSize(queued).startsWith("task 0", "task 1").endsWith("task " + (queued - 1));
        assertThat(shared.submissions).isEqualTo(3);
    }

    @Test
    void once_the_shared_executor_is_shut_down_tasks_run_on_the_caller_rather_than_being_lost() {
        SerialExecutor afterShutdown = new SerialExecutor(task -> {
            throw new RejectedExecutionException("shut down");
        });

        afterShutdown.execute(() -> ran.add("hang-up after shutdown"));
        afterShutdown.execute(() -> ran.add("and the next one"));

        assertThat(ran).containsExactly("hang-up after shutdown", "and the next one");
    }
}
