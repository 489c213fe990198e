package io.camelfreeswitch.benchmarks.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * This JVM's live objects by class, from {@code jcmd <pid> GC.class_histogram} (which runs a full GC first, so only
 * reachable objects are counted). The per-class table is kept in a file, not on the heap: a harness holding a few
 * thousand-entry maps between measurements would count them as retained by the code under test.
 */
record HeapHistogram(long totalBytes, long totalInstances, Path file) {

    static HeapHistogram take() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Path file = Files.createTempFile("heap-histogram-", ".txt");
            file.toFile().deleteOnExit();
            Process process = new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()),
                    "GC.class_histogram").redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd GC.class_histogram failed: " + Files.readString(file));
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals("Total")) {
                    return new HeapHistogram(Long.parseLong(f[2]), Long.parseLong(f[1]), file);
                }
            }
            throw new IllegalStateException("jcmd gave no histogram (is jcmd allowed to attach to this JVM?)");
        } catch (IOException e) {
            throw new UncheckedIOException("jcmd GC.class_histogram failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, long[]> byClass() {
        Map<String, long[]> byClass = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    byClass.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byClass;
    }

    /** The classes whose live bytes grew most from {@code before} to this, one line each. */
    List<String> topGrowth(HeapHistogram before, int limit, long perDivisor) {
        Map<String, long[]> was = before.byClass();
        List<Map.Entry<String, long[]>> growth = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byClass().entrySet()) {
            long[] old = was.getOrDefault(e.getKey(), new long[2]);
            growth.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - old[0], e.getValue()[1] - old[1]}));
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
