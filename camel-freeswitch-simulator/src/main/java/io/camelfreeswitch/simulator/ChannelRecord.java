package io.camelfreeswitch.simulator;

import java.time.Instant;

/**
 * What the ledger knows about one channel, as an immutable snapshot. Times are null until the thing happened.
 *
 * @param uuid        Unique-ID
 * @param destination the dial string endpoint that created it ("user/1001", "loopback/1001/default"...)
 * @param created     when CHANNEL_CREATE fired
 * @param answered    when CHANNEL_ANSWER fired, or null
 * @param bridged     when CHANNEL_BRIDGE fired, or null
 * @param hungUp      when CHANNEL_HANGUP fired, or null
 * @param hangupCause Hangup-Cause, or null while up
 * @param killedBy    who ended it: "uuid_kill", "sendmsg hangup" (call-command hangup or the hangup app sent by
 *                    sendmsg), "hupall", "far-end" (the scripted endpoint or the outbound caller), "timeout"
 *                    (originate_timeout/leg_timeout), "lose-race" (another leg of the same originate answered),
 *                    "app hangup", "dialplan end" (the originate's inline application finished), "bridge peer",
 *                    "loopback peer" (the other leg of a loopback socket call ended), "socket closed",
 *                    "socket connect failed", "simulator closed"; null while up
 * @param destroyed   true once CHANNEL_DESTROY fired (the channel is no longer live)
 */
public record ChannelRecord(String uuid, String destination, Instant created, Instant answered, Instant bridged,
                            Instant hungUp, String hangupCause, String killedBy, boolean destroyed) {

    public boolean live() {
        return !destroyed;
    }

    public boolean wasAnswered() {
        return answered != null;
    }

    ChannelRecord withAnswered(Instant t) {
        return new ChannelRecord(uuid, destination, created, t, bridged, hungUp, hangupCause, killedBy, destroyed);
    }

    ChannelRecord withBridged(Instant t) {
        return new ChannelRecord(uuid, destination, created, answered, t, hungUp, hangupCause, killedBy, destroyed);
    }

    ChannelRecord withHangup(Instant t, String cause, String by) {
        return new ChannelRecord(uuid, destination, created, answered, bridged, t, cause, by, destroyed);
    }

    ChannelRecord withDestroyed() {
        return new ChannelRecord(uuid, destination, created, answered, bridged, hungUp, hangupCause, killedBy, true);
    }

    @Override
    public String toString() {
        return uuid + " " + destination + (answered != null ? " answered" : "")
                + (hungUp != null ? " hungUp=" + hangupCause + " by " + killedBy : " UP")
                + (destroyed ? "" : " (live)");
    }
}
