package dev.portdeck.shared.sim;

import dev.portdeck.shared.model.PowerState;
import java.util.ArrayList;
import java.util.List;

/** A simulated game server. Guarded by PanelState's lock. */
final class SimServer {
    final int internalId;
    final String uuid;
    final String identifier;
    final String name;
    final String node;
    final String description;
    final long bytesPerSecond;
    final DemoWorld.Egg egg;
    /** The egg's variables, then one per port a {@link DemoWorld.Port#variable()} names, holding the port bound. */
    final List<DemoWorld.Variable> variables = new ArrayList<>();
    int allocationLimit;
    Long primaryId;
    boolean suspended;
    /** null, or installing / install_failed / reinstall_failed / restoring_backup, as the panels' `status`. */
    String status;
    /** is_transferring: a transfer shows as this flag with status null. */
    boolean transferring;
    /** The server belongs to another panel user: listed for an admin only with `?type=admin-all`. */
    boolean ownedByAnotherUser;
    /** The state until {@link #settlesAtNanos}, then {@link #settlesTo}. */
    PowerState state;
    PowerState settlesTo;
    long settlesAtNanos;
    long startedAtMillis;

    SimServer(int internalId, String uuid, String name, String node, String description, long bytesPerSecond,
              DemoWorld.Egg egg) {
        this.internalId = internalId;
        this.uuid = uuid;
        this.identifier = uuid.substring(0, 8);
        this.name = name;
        this.node = node;
        this.description = description;
        this.bytesPerSecond = bytesPerSecond;
        this.egg = egg;
        variables.addAll(egg.variables());
    }

    PowerState currentState(long nowNanos) {
        if (settlesTo != null && nowNanos - settlesAtNanos >= 0) {
            state = settlesTo;
            settlesTo = null;
        }
        return state;
    }

    /** Goes to `to` at once, or through `via` for `transitionNanos`. */
    void changePower(PowerState via, PowerState to, long nowNanos, long transitionNanos) {
        if (transitionNanos <= 0 || via == null) {
            state = to;
            settlesTo = null;
        } else {
            state = via;
            settlesTo = to;
            settlesAtNanos = nowNanos + transitionNanos;
        }
    }

    /** The panels' `status` field: "suspended" while suspended, otherwise the stored status (null when normal). */
    String blockingStatus() {
        return suspended ? "suspended" : status;
    }
}
