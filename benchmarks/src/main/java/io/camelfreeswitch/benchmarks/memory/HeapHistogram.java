package io.camelfreeswitch.benchmarks.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * This JVM's live objects by class, from {@code jcmd <pid> GC.class_histogram} (which runs a full GC first, so only
 * reachable objects are counted).
 */
record HeapHistogram(long totalBytes, long totalInstances, Map<String, long[]> byClass) {

    static HeapHistogram take() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        ProcessBuilder builder = new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()),
                "GC.class_histogram");
        builder.redirectErrorStream(true);
        Map<String, long[]> byClass = new HashMap<>();
        long totalBytes = 0;
        long totalInstances = 0;
        try {
            Process process = builder.start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 4 && f[0].endsWith(":")) {
                        byClass.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                    } else if (f.length >= 3 && f[0].equals("Total")) {
                        totalInstances = Long.parseLong(f[1]);
                        totalBytes = Long.parseLong(f[2]);
                    }
                }
            }
            process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("jcmd GC.class_histogram failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (totalBytes == 0) {
            throw new IllegalStateException("jcmd gave no histogram (is jcmd allowed to attach to this JVM?)");
        }
        return new HeapHistogram(totalBytes, totalInstances, byClass);
    }

    /** The classes whose live bytes grew most from {@code before} to this, one line each. */
    List<String> topGrowth(HeapHistogram before, int limit, long perDivisor) {
        List<Map.Entry<String, long[]>> growth = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byClass.entrySet()) {
            long[] was = before.byClass.getOrDefault(e.getKey(), new long[2]);
            growth.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]}));
        }
        growth.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, growth.size()); i++) {
            Map.Entry<String, long[]> e = growth.get(i);
            lines.add(String.format(Locale.ROOT, "  %+10d objects %+12d bytes  %8.1f B each unit  %s", e.getValue()[0],
                    e.getValue()[1], (double) e.getValue()[1] / perDivisor, e.getKey()));
        }
        return lines;
    }
}
