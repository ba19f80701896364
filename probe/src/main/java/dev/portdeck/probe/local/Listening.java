package dev.portdeck.probe.local;

import dev.portdeck.probe.Check.Transport;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether something on this machine is bound to an address and port: the answer of {@code ss -tulpn | grep PORT},
 * for one allocation.
 */
public sealed interface Listening {

    /** The address is not one of this machine's: what listens there cannot be seen from here. */
    record NotThisMachine(String address) implements Listening { }

    /** This machine's sockets could not be read (no /proc/net: not Linux). */
    record Unknown(String reason) implements Listening { }

    /** The address is here and no socket is bound to the port: no TCP listener, no bound UDP socket. */
    record NotListening() implements Listening { }

    /** The address is here and these sockets are bound to the port (TCP in LISTEN, UDP bound); never empty. */
    record Bound(List<LocalSocket> sockets) implements Listening {
        public Bound {
            sockets = List.copyOf(sockets);
            if (sockets.isEmpty()) {
                throw new IllegalArgumentException("a bound port has at least one socket");
            }
        }

        /** The sockets of one transport. */
        public List<LocalSocket> sockets(Transport transport) {
            return sockets.stream().filter(s -> s.transport() == transport).toList();
        }

        /** The distinct owners, in the order of the sockets. */
        public List<Owner> owners() {
            Set<Owner> owners = new LinkedHashSet<>();
            sockets.forEach(s -> owners.add(s.owner()));
            return List.copyOf(owners);
        }

        /** Every owner is Docker's userland proxy. */
        public boolean onlyDockerProxy() {
            return sockets.stream().allMatch(s -> s.owner().isDockerProxy());
        }
    }

    /** Whether this machine holds the address, so the answer is known: bound or not listening. */
    default boolean here() {
        return this instanceof Bound || this instanceof NotListening;
    }

    /** Whether a socket of {@code transport} is bound (false when unknown: see {@link #here()}). */
    default boolean bound(Transport transport) {
        return this instanceof Bound b && !b.sockets(transport).isEmpty();
    }

    /** The word in tables and JSON: listening, not-listening, not-this-machine, unknown. */
    default String word() {
        if (this instanceof Bound) {
            return "listening";
        }
        if (this instanceof NotListening) {
            return "not-listening";
        }
        return this instanceof NotThisMachine ? "not-this-machine" : "unknown";
    }
}
