package dev.portdeck.probe.choice;

import dev.portdeck.probe.Check;
import java.util.Objects;

/**
 * The check chosen for an allocation and why, in a short sentence a user reads in JSON and the dashboard
 * ("egg Paper → Minecraft status", "RCON_PORT points here: a TCP connect only, never a password").
 */
public record CheckChoice(Check check, String reason) {

    public CheckChoice {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(reason, "reason");
    }
}
