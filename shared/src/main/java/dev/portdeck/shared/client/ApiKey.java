package dev.portdeck.shared.client;

import java.util.Objects;

/** A panel API key. Its text leaves this object only as an Authorization header: never in toString(). */
public final class ApiKey {

    /** What the prefix says about the key. */
    public enum Kind { CLIENT, APPLICATION, UNKNOWN }

    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    public static ApiKey of(String secret) {
        Objects.requireNonNull(secret, "secret");
        String trimmed = secret.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        return new ApiKey(trimmed);
    }

    /** ptlc_/pacc_ are client keys; ptla_/papp_ are application keys, which the client API refuses. */
    public Kind kind() {
        if (secret.startsWith("ptlc_") || secret.startsWith("pacc_")) {
            return Kind.CLIENT;
        }
        if (secret.startsWith("ptla_") || secret.startsWith("papp_")) {
            return Kind.APPLICATION;
        }
        return Kind.UNKNOWN;
    }

    /** The value of the Authorization header. */
    String bearer() {
        return "Bearer " + secret;
    }

    /** Only for writing the 0600 config file and for tests that search output for the key. */
    public String reveal() {
        return secret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && other.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[" + kind() + ", redacted]";
    }
}
