package io.camelfreeswitch.call;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link SimulatedCalls} class whose simulator runs on a virtual time ({@link SimulatedCalls#time}): its delays
 * (answer after, reject after, FreeSWITCH's originate timer) wait for the test to advance it, as do the timers of
 * the groups rung {@link SimulatedCalls#onVirtualTime on it}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface OnVirtualTime {
}
