package pulse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a process's resident memory (/proc) and used heap every second; keeps the peaks. The heap
 * comes from one {@code jstat -gc <pid> 1000} that runs as long as the process does: starting a
 * jstat every second (a JVM each time) took a quarter of a core from the machine being measured.
 */
final class MemorySampler implements AutoCloseable {

    private final AtomicLong peakRssKb = new AtomicLong();
    private final AtomicLong peakHeapKb = new AtomicLong();
    private final Thread thread;
    private volatile long pid;
    private volatile boolean running = true;
    private volatile Process jstat;

    MemorySampler(long pid) {
        this.pid = pid;
        thread = new Thread(this::run, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void follow(long newPid) {
        pid = newPid;
        Process current = jstat;
        if (current != null) {
            current.destroy();   // its reader ends, and the next one follows the new process
        }
    }

    private void run() {
        while (running) {
            long followed = pid;
            try {
                jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(followed), "1000").redirectErrorStream(true).start();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                    String[] names = null;
                    String line;
                    while (running && followed == pid && (line = lines.readLine()) != null) {
                        String[] fields = line.trim().split("\\s+");
                        if (names == null) {
                            names = fields;
                        } else if (fields.length == names.length) {
                            peakHeapKb.accumulateAndGet((long) usedHeapKb(names, fields), Math::max);
                        }
                        sampleRss(followed);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process may be restarting; the next attempt will do
            } finally {
                if (jstat != null) {
                    jstat.destroy();
                }
            }
            sleep();
        }
    }

    private static double usedHeapKb(String[] names, String[] values) {
        double used = 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("EU") || names[i].equals("OU")) {
                used += Double.parseDouble(values[i]);
            }
        }
        return used;
    }

    /** VmHWM is the process's own peak; VmRSS as well, for a kernel that does not keep it. */
    private void sampleRss(long followed) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + followed + "/status"))) {
            if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                peakRssKb.accumulateAndGet(kb, Math::max);
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long peakRssMb() {
        return peakRssKb.get() / 1024;
    }

    long peakHeapMb() {
        return peakHeapKb.get() / 1024;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Process current = jstat;
        if (current != null) {
            current.destroy();
        }
    }
}
