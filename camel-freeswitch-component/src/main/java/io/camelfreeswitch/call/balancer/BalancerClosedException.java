package io.camelfreeswitch.call.balancer;

/** What every operation of a balancer fails with once it is closed: it says so, rather than blame its store. */
final class BalancerClosedException extends IllegalStateException {
    BalancerClosedException() {
        super("this RedisLoadBalancer is closed");
    }
}
