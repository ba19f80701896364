package dev.portdeck.shared.model;

import java.util.Locale;

/** The `signal` of `POST /servers/{server}/power`. */
public enum PowerSignal {
    START, STOP, RESTART, KILL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
