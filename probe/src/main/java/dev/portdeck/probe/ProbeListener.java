package dev.portdeck.probe;

/** Receives each result as it arrives. Called off the caller's thread; must not block. */
@FunctionalInterface
public interface ProbeListener {
    void onResult(ProbeResult result);
}
