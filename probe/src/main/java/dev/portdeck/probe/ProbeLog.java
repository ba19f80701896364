package dev.portdeck.probe;

import java.util.logging.Logger;

/**
 * The engine's logger, "portdeck.probe", made on first use: setting up java.util.logging costs a short-lived
 * `portdeck probe` about 15 ms, and a sweep that goes well logs nothing.
 */
final class ProbeLog {

    private ProbeLog() {
    }

    static Logger get() {
        return Holder.LOG;
    }

    private static final class Holder {
        static final Logger LOG = Logger.getLogger("portdeck.probe");
    }
}
