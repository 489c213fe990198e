/**
 * The call model, in plain Java (no Camel): {@link io.camelfreeswitch.call.Channel} and the ring group.
 * <p>
 * How to read the ring group: {@link io.camelfreeswitch.call.RingGroup} is the entry point;
 * {@code RingEngine} is the one small engine every mode shares (starts legs, picks exactly one winner, hands it out
 * when ready, hangs up everything else with the cause that says why, releases leases); {@code Leg} is one callee
 * leg (originate with a listener registered first, answered/ready/over/gone, kill by uuid even while the originate is
 * pending, hung up when the ring time its mode gave it is up). Each mode is one short file, saying only what to ring,
 * when and for how long: {@code ParallelRing}, {@code TieredRing}, {@code EnterpriseRing}, {@code MemoryHuntRing},
 * and the one-at-a-time modes sharing {@code OneAtATimeRing} ({@code SequentialRing}, also RANDOM;
 * {@code BalancingRing}; {@code RoundRobinRing}). Everything about one ring group runs on one event lane of its
 * connection (its legs' channels are pinned there; timers of the shared daemon {@code RingScheduler} hand their work
 * to it), so no state is locked and no thread is created per group.
 */
package io.camelfreeswitch.call;
