package dev.portdeck.shared.error;

import java.time.Duration;

/** 429 that persisted after the client's bounded retries. */
public final class RateLimited extends PanelException {
    private final Duration retryAfter;

    public RateLimited(String sentence, Duration retryAfter) {
        super(sentence, 429, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
