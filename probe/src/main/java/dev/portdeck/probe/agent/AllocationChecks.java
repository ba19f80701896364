package dev.portdeck.probe.agent;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.choice.CheckRule;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;

/**
 * Which check the agent asks of each allocation (one for all, or "auto": the egg, variables, notes, well-known ports),
 * and whether it is closed by design.
 */
public interface AllocationChecks {

    /** Whether discovery should read each server's egg (`?include=egg`, no extra request on the listing). */
    boolean wantsEggs();

    Check check(Server server, Allocation allocation);

    /** Whether "closed" is what is expected of the allocation (--expect-closed, the config file's expect_closed). */
    default boolean expectedClosed(Server server, Allocation allocation) {
        return false;
    }

    /** {@link CheckRule}'s choice from what the panel says (the command adds the config file's overrides). */
    static AllocationChecks auto() {
        return new AllocationChecks() {
            @Override
            public boolean wantsEggs() {
                return true;
            }

            @Override
            public Check check(Server server, Allocation allocation) {
                return CheckRule.choose(server, allocation, null).check();
            }
        };
    }

    /** The same check for every allocation, e.g. {@code every(Check.TCP)}. */
    static AllocationChecks every(Check check) {
        return new AllocationChecks() {
            @Override
            public boolean wantsEggs() {
                return false;
            }

            @Override
            public Check check(Server server, Allocation allocation) {
                return check;
            }
        };
    }
}
