package io.camelfreeswitch.esl;

import io.camelfreeswitch.simulator.FreeSwitchSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.camelfreeswitch.testing.TestWaits.WELL_WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Channels pinned to a lane key: their events, and the result of a bgapi named after one of them, are handled on
 * that key's lane, in turn with the tasks given to it; the pin goes with the last listener that holds it.
 */
class ChannelLanesTest {


    @RegisterExtension
    static final FreeSwitchSimulatorExtension SIM = FreeSwitchSimulatorExtension.perClass()
            .assertNoLiveChannelsAfterEach();

    private EslClient client;

    @BeforeEach
    void connect() throws Exception {
        client = EslClient.connect(EslClientOptions.builder().host("127.0.0.1").port(SIM.port())
                .password(SIM.password()).build()).get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.subscribe(List.of("CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE", "BACKGROUND_JOB"))
                .get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        client.closeAsync().orTimeout(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Test
    void the_events_and_job_results_of_pinned_channels_wait_their_turn_behind_the_lanes_tasks() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<String> handled = new CopyOnWriteArrayList<>();
        Registration firstListener = client.addChannelListener(first, client.lane("group-1"),
                event -> handled.add(event.eventName() + " " + first));
        Registration secondListener = client.addChannelListener(second, client.lane("group-1"),
                event -> handled.add(event.eventName() + " " + second));
        CountDownLatch held = new CountDownLatch(1);
        client.lane("group-1").execute(() -> {
            try {
                held.await(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.add("the lane's own task");
        });

        CompletableFuture<String> firstJob = client.bgapi(originate(first), first);
        CompletableFuture<String> secondJob = client.bgapi(originate(second), second);
        SIM.ledger().awaitAnswered(first, WELL_WITHIN);
        SIM.ledger().awaitAnswered(second, WELL_WITHIN);
        await().atMost(WELL_WITHIN).until(() -> client.dispatcher.queued("group-1") >= 4);

        assertThat(handled).as("nothing of a pinned channel overtakes the lane's task").isEmpty();
        assertThat(firstJob).isNotDone();
        assertThat(secondJob).isNotDone();

        held.countDown();
        firstJob.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        secondJob.get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> handled.size() == 3);
        assertThat(handled.get(0)).isEqualTo("the lane's own task");
        assertThat(handled.subList(1, 3)).containsExactlyInAnyOrder("CHANNEL_ANSWER " + first,
                "CHANNEL_ANSWER " + second);

        client.hangup(first, "NORMAL_CLEARING").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        client.hangup(second, "NORMAL_CLEARING").get(WELL_WITHIN.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WELL_WITHIN).until(() -> handled.size() == 5);
        firstListener.close();
        secondListener.close();
    }

    @Test
    void a_channel_stays_pinned_while_any_of_its_pinning_listeners_is_registered() {
        String uuid = UUID.randomUUID().toString();
        Registration one = client.addChannelListener(uuid, client.lane("group-2"), event -> { });
        Registration two = client.addChannelListener(uuid, client.lane("group-2"), event -> { });
        assertThat(client.dispatcher.lane(uuid)).isSameAs(client.lane("group-2"));

        one.close();
        one.close();
        assertThat(client.dispatcher.lane(uuid)).as("still held by the other listener")
                .isSameAs(client.lane("group-2"));

        two.close();
        assertThat(client.dispatcher.pinned()).isZero();
    }

    private static String originate(String uuid) {
        return "originate {origination_uuid=" + uuid + "}sim/answer &park()";
    }
}
