package dev.portdeck.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Host names to addresses off the selector thread: the JDK's lookup blocks, so it runs on two daemon threads
 * ("portdeck-probe-dns-N") and is given up after a timeout. IP literals are parsed at once, without a lookup.
 */
final class HostResolver implements AutoCloseable {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration timeout;
    private final ExecutorService lookups =
            Executors.newFixedThreadPool(2, r -> Prober.daemon(r, "portdeck-probe-dns-" + THREADS.incrementAndGet()));

    HostResolver(Duration timeout) {
        this.timeout = timeout;
    }

    CompletableFuture<InetAddress> resolve(String host) {
        if (host.indexOf(':') >= 0 || IPV4_LITERAL.matcher(host).matches()) {
            if (host.indexOf(':') < 0 && !octetsFit(host)) {
                // the JDK would hand "999.1.1.1" to DNS, on this (the caller's) thread and without our timeout
                return CompletableFuture.failedFuture(new NotAnAddress("'" + host + "' is not an IPv4 address"
                        + " (each number is 0-255)"));
            }
            try {
                return CompletableFuture.completedFuture(InetAddress.getByName(host)); // a literal: no lookup
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(() -> lookUp(host), lookups)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean octetsFit(String dotted) {
        for (String octet : dotted.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress lookUp(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    /** Why {@code host} has no address, in one sentence fragment. */
    String reason(String host, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return "'" + host + "' did not resolve within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof NotAnAddress) {
            return cause.getMessage();
        }
        if (cause instanceof UnknownHostException) {
            return "'" + host + "' does not resolve";
        }
        return "'" + host + "' could not be resolved: " + cause.getMessage();
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }

    /** An IPv4 literal that cannot be one: refused without a lookup. */
    private static final class NotAnAddress extends Exception {
        NotAnAddress(String message) {
            super(message, null, false, false);
        }
    }
}
