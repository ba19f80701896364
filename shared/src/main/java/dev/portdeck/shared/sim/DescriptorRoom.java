package dev.portdeck.shared.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;

/**
 * Each port of the demo world holds a socket. Opening more than the process may have (ulimit -n) fails somewhere deep
 * in the JDK; checked first, it is one sentence that says what to change.
 */
final class DescriptorRoom {

    /** What the rest of the process needs besides the world: jars, the HTTP server, selectors, the terminal, probes. */
    static final int HEADROOM = 48;

    private DescriptorRoom() {
    }

    /** Throws UncheckedIOException with the sentence when `world` cannot be opened within the open-files limit. */
    static void require(DemoWorld world) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os)) {
            return;
        }
        long ports = ports(world);
        long max = os.getMaxFileDescriptorCount();
        long open = os.getOpenFileDescriptorCount();
        if (open + ports + HEADROOM > max) {
            throw tooFew(ports, max);
        }
    }

    /** The sentence for `ports` that do not fit in `max` open files. */
    static UncheckedIOException tooFew(long ports, long max) {
        String limit = max < 0 ? "this process ran out of files it may open (ulimit -n)"
                : "this process may open only " + max + " files (ulimit -n)";
        String sentence = "the demo world has " + ports + " ports, each a socket, but " + limit + "; raise the limit,"
                + " e.g. `ulimit -n " + Math.max(1024, ports + 256) + "`, or ask for a smaller world with --large";
        return new UncheckedIOException(sentence, new IOException(sentence));
    }

    static long ports(DemoWorld world) {
        return world.servers().stream().mapToLong(s -> s.ports().size()).sum();
    }

    /** Whether `e` or a cause is the kernel saying the process has no descriptors left. */
    static boolean isOutOfDescriptors(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Too many open files")) {
                return true;
            }
        }
        return false;
    }
}
