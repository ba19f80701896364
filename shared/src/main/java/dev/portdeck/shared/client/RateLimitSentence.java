package dev.portdeck.shared.client;

import dev.portdeck.shared.error.RateLimited;
import java.net.URI;
import java.time.Duration;

/**
 * A 429 told apart by its `X-RateLimit-Limit`: Pelican's limit on new allocations (2 per minute per server, the same
 * for every user, not a setting) or the per-user client API limit (APP_API_CLIENT_RATELIMIT, 720 a minute on
 * Pterodactyl, 256 on Pelican, shared with the user's browser and other keys).
 */
final class RateLimitSentence {

    /** Pelican's creation throttle says 2; no real per-user API limit is this small. */
    private static final int CREATION_LIMIT_AT_MOST = 5;

    private RateLimitSentence() {
    }

    static RateLimited of(URI panel, ApiCall call, String limitHeader, Duration wait, int retries) {
        Integer limit = RateLimitStatus.number(limitHeader);
        String again = retries == 0 ? "" : " after " + retries + " retr" + (retries == 1 ? "y" : "ies");
        String waitText = "asks to wait " + Transport.humanWait(wait);
        if (call.createsAllocation() && limit != null && limit <= CREATION_LIMIT_AT_MOST) {
            return new RateLimited("the panel at " + panel + " allows only " + limit + " new allocation"
                    + (limit == 1 ? "" : "s") + " per minute per server, for all its users together (HTTP 429"
                    + (retries == 0 ? "" : ", still" + again) + "); it " + waitText + ", so try again then", wait);
        }
        String what = limit == null ? "HTTP 429" : "HTTP 429: " + limit + " requests a minute per panel user, shared"
                + " with the user's browser and other API keys";
        return new RateLimited("the panel at " + panel + (retries == 0 ? " is limiting requests" : " kept limiting"
                + " requests" + again) + " (" + what + ") and " + waitText
                + "; try again then, or ask the panel's admin to raise APP_API_CLIENT_RATELIMIT", wait);
    }
}
