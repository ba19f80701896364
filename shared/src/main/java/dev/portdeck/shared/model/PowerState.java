package dev.portdeck.shared.model;

import java.util.Locale;

/** A server's power state as `GET /servers/{server}/resources` reports it in `current_state`. */
public enum PowerState {
    RUNNING, STARTING, STOPPING, OFFLINE, UNKNOWN;

    public static PowerState fromApi(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
