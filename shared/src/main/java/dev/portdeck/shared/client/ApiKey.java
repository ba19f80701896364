package dev.portdeck.shared.client;

import dev.portdeck.shared.error.InvalidInput;
import java.util.Objects;

/** A panel API key. Its text leaves this object only as an Authorization header: never in toString(). */
public final class ApiKey {

    /** What the prefix says about the key. */
    public enum Kind { CLIENT, APPLICATION, UNKNOWN }

    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /**
     * The key, without surrounding white space. Refuses (InvalidInput, field "key") an empty key and one with a line
     * break, a space or a character outside printable ASCII: panels issue keys of letters and digits, and such a
     * character could not go into a header. The message never repeats the key.
     */
    public static ApiKey of(String secret) {
        Objects.requireNonNull(secret, "secret");
        String trimmed = secret.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInput("key", "the API key is empty");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new InvalidInput("key", "the API key contains " + (c == '\n' || c == '\r' ? "a line break"
                        : c == ' ' || c == '\t' ? "white space" : "a character that is not printable ASCII")
                        + " at position " + (i + 1) + ": keys are letters and digits, so copy it again");
            }
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
