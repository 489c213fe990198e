package io.camelfreeswitch.benchmarks.harness;

import java.lang.management.ManagementFactory;

/** This JVM's CPU time, all threads, user and system. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    public static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
