package dev.portdeck.probe;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many sockets a sweep may hold open at once: the process's open-files limit, minus what is already open, minus
 * headroom for the rest of the process (jars, logs, HTTP, the dashboard). Running out of descriptors mid-sweep makes
 * the JDK fail in odd places, so the engine stays well clear of the limit.
 */
final class DescriptorBudget {

    /** More parallel connects than this buys nothing on loopback and only costs ephemeral ports. */
    static final int CEILING = 2048;

    private static final String OPEN_FILES = "Max open files";

    private DescriptorBudget() {
    }

    static int defaultMaxInFlight() {
        long limit = openFilesLimit();
        long open = openNow();
        long headroom = Math.max(64, limit / 10);
        long budget = limit - open - headroom;
        return (int) Math.max(8, Math.min(CEILING, budget));
    }

    /** The soft RLIMIT_NOFILE: from /proc (cheap), else from the management bean, else the common default 1024. */
    static long openFilesLimit() {
        try {
            // "Max open files            1024                 1048576              files": the first number is the soft one
            String limits = Files.readString(Path.of("/proc/self/limits"));
            int at = limits.indexOf(OPEN_FILES);
            if (at >= 0) {
                int start = at + OPEN_FILES.length();
                while (start < limits.length() && limits.charAt(start) == ' ') {
                    start++;
                }
                int end = start;
                while (end < limits.length() && limits.charAt(end) != ' ' && limits.charAt(end) != '\n') {
                    end++;
                }
                String soft = limits.substring(start, end);
                return "unlimited".equals(soft) ? Integer.MAX_VALUE : Long.parseLong(soft);
            }
        } catch (IOException | RuntimeException e) {
            ProbeLog.get().fine(() -> "no /proc/self/limits: " + e);
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 1024;
    }

    /** One directory listing, no stream: this runs before every `portdeck probe`'s first connect. */
    static long openNow() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 64 : fds.length;
    }
}
