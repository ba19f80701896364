package dev.portdeck.probe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * How many sockets a sweep may hold open at once: the process's open-files limit, minus what is already open, minus
 * headroom for the rest of the process (jars, logs, HTTP, the dashboard). Running out of descriptors mid-sweep makes
 * the JDK fail in odd places, so the engine stays well clear of the limit.
 */
final class DescriptorBudget {

    /** More parallel connects than this buys nothing on loopback and only costs ephemeral ports. */
    static final int CEILING = 2048;

    private static final Logger LOG = Logger.getLogger("portdeck.probe");

    private DescriptorBudget() {
    }

    static int defaultMaxInFlight() {
        long limit = openFilesLimit();
        long open = openNow();
        long headroom = Math.max(64, limit / 10);
        long budget = limit - open - headroom;
        int cap = (int) Math.max(8, Math.min(CEILING, budget));
        LOG.fine(() -> "fd limit " + limit + ", open " + open + ", in-flight cap " + cap);
        return cap;
    }

    /** The soft RLIMIT_NOFILE: from /proc (cheap), else from the management bean, else the common default 1024. */
    static long openFilesLimit() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/limits"));
            for (String line : lines) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Integer.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "no /proc/self/limits: " + e);
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 1024;
    }

    static long openNow() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return 64;
        }
    }
}
