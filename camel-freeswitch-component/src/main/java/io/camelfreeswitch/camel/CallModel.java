package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingGroupRequest;
import io.camelfreeswitch.call.RingGroupResult;
import io.camelfreeswitch.esl.EslConnection;

import java.util.concurrent.CompletableFuture;

/** The one place the component reaches into the call model, so that its entry points are easy to follow. */
final class CallModel {

    private CallModel() {
    }

    static CompletableFuture<RingGroupResult> ring(EslConnection connection, RingGroupRequest request) {
        // io.camelfreeswitch.call.RingGroup lands with the call branch
        return CompletableFuture.failedFuture(new UnsupportedOperationException("RingGroup is not available yet"));
    }
}
