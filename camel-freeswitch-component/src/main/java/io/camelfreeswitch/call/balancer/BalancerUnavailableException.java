package io.camelfreeswitch.call.balancer;

/** The balancer's store (Redis) cannot be reached or answered with an error. */
public class BalancerUnavailableException extends RuntimeException {
    public BalancerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
