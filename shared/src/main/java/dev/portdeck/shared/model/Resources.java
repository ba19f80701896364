package dev.portdeck.shared.model;

/**
 * `GET /servers/{server}/resources`: power state and usage counters. The panel caches this for about 20 s.
 *
 * @param networkRxBytes total bytes received since the server started (a rate needs two samples)
 * @param networkTxBytes total bytes sent since the server started
 * @param uptimeMillis   0 when the panel does not report it
 */
public record Resources(
        PowerState state,
        boolean suspended,
        long memoryBytes,
        double cpuPercent,
        long diskBytes,
        long networkRxBytes,
        long networkTxBytes,
        long uptimeMillis) {
}
