package dev.portdeck.probe;

import java.time.Duration;
import java.time.Instant;

/**
 * The certificate a TLS service presented, as reported (not judged: a self-signed or expired one is still reported,
 * and the check does not fail over it).
 *
 * @param subject    the subject's distinguished name (RFC 2253, cleaned and capped)
 * @param issuer     the issuer's distinguished name
 * @param notAfter   when it expires
 * @param selfSigned whether it is signed by its own key
 */
public record Certificate(String subject, String issuer, Instant notAfter, boolean selfSigned) {

    /** Whole days until it expires (negative once expired), counted from {@code now}. */
    public long daysLeft(Instant now) {
        return Math.floorDiv(Duration.between(now, notAfter).getSeconds(), 86_400L);
    }
}
