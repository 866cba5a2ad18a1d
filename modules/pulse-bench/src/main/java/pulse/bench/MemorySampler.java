package pulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Samples a process's resident memory (/proc) and used heap (jstat) every second; keeps the peaks. */
final class MemorySampler implements AutoCloseable {

    private final AtomicLong peakRssKb = new AtomicLong();
    private final AtomicLong peakHeapKb = new AtomicLong();
    private final Thread thread;
    private volatile long pid;
    private volatile boolean running = true;

    MemorySampler(long pid) {
        this.pid = pid;
        thread = new Thread(this::run, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void follow(long newPid) {
        pid = newPid;
    }

    private void run() {
        while (running) {
            sample();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    peakRssKb.accumulateAndGet(kb, Math::max);
                }
            }
            Process jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid)).start();
            String[] lines = new String(jstat.getInputStream().readAllBytes()).trim().split("\n");
            if (lines.length == 2) {
                String[] names = lines[0].trim().split("\\s+");
                String[] values = lines[1].trim().split("\\s+");
                double used = 0;
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("EU") || names[i].equals("OU")) {
                        used += Double.parseDouble(values[i]);
                    }
                }
                peakHeapKb.accumulateAndGet((long) used, Math::max);
            }
        } catch (IOException | RuntimeException e) {
            // the process may be restarting; the next sample will do
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
    }
}
