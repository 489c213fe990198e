package io.camelfreeswitch.benchmarks.harness;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * One measured run: how many operations completed in how long, their latency distribution in microseconds, and the
 * CPU this JVM used meanwhile (warm-up excluded, so the compiler's work on a fresh JVM is not charged per operation).
 */
public record LatencyReport(String name, long operations, long failures, double seconds, Histogram micros,
                            long cpuNanos) {

    public double perSecond() {
        return operations / seconds;
    }

    public double percentileMillis(double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** This JVM's CPU time per operation over the measured seconds, in microseconds. */
    public double cpuMicrosPerOperation() {
        return cpuNanos / 1000.0 / operations;
    }

    public double maxMillis() {
        return micros.getMaxValue() / 1000.0;
    }

    /** One line, the same columns for every harness, easy to paste into RESULTS.md. */
    public String line() {
        return String.format(Locale.ROOT, "%-44s %10.0f ops/s  p50 %7.3f ms  p99 %7.3f ms  max %8.3f ms  (%d ops, %d failed, %.1f s)",
                name, perSecond(), percentileMillis(50), percentileMillis(99), maxMillis(), operations, failures,
                seconds);
    }

    public static Histogram newHistogram() {
        return new Histogram(3_600_000_000L, 3);
    }
}
