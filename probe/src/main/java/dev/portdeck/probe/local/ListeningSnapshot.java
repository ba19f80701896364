package dev.portdeck.probe.local;

import dev.portdeck.probe.AddressText;
import dev.portdeck.probe.Check.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This machine's bound sockets at one moment: the four {@code /proc/net} files read once and indexed by port, so
 * thousands of allocations are answered per probe round for the price of one read. Owners are looked up only for the
 * sockets asked about (one pass over {@code /proc/<pid>/fd} per {@link #lookupAll}), and kept for the snapshot's life.
 * Thread-safe.
 */
public final class ListeningSnapshot {

    private static final Path PROC = Path.of("/proc");

    private final Path netDir;
    private final Path proc;
    private final Set<Transport> transports;
    private final Map<Integer, List<SocketRow>> byPort;
    private final int sockets;
    private final String unavailable;
    private final LocalAddresses local;
    private final boolean thisMachine; // read the interfaces again for next()
    /** Owners an earlier snapshot found, by inode: reused while their process lives, as a rescan is the cost. */
    private final Map<Long, Owner.Process> earlier;
    private final Map<Long, Owner> ownerByInode = new HashMap<>(); // guarded by this
    private final Map<Long, Boolean> alive = new HashMap<>(); // guarded by this

    /** {@code local} null: this machine's interfaces, read now. */
    private ListeningSnapshot(Path netDir, Path proc, LocalAddresses local, Map<Long, Owner.Process> earlier,
            Set<Transport> transports) {
        this.netDir = netDir;
        this.proc = proc;
        this.transports = transports;
        this.thisMachine = local == null;
        this.local = local == null ? LocalAddresses.ofThisMachine() : local;
        List<SocketRow> rows = new ArrayList<>();
        this.unavailable = read(netDir, rows, transports);
        this.byPort = new HashMap<>();
        rows.forEach(r -> byPort.computeIfAbsent(r.port(), p -> new ArrayList<>(2)).add(r));
        this.sockets = rows.size();
        this.earlier = new HashMap<>();
        rows.forEach(r -> {
            Owner.Process known = earlier.get(r.inode());
            if (known != null) {
                this.earlier.put(r.inode(), known);
            }
        });
    }

    /** This process's network namespace, its processes and this machine's interfaces, now. */
    public static ListeningSnapshot take() {
        return take(EnumSet.allOf(Transport.class));
    }

    /**
     * As {@link #take()}, reading only the tables of these transports: the kernel writes every socket of a table
     * when it is read, so an agent whose checks are all TCP spares itself the UDP ones.
     */
    public static ListeningSnapshot take(Set<Transport> transports) {
        return new ListeningSnapshot(PROC.resolve("net"), PROC, null, Map.of(),
                transports.isEmpty() ? EnumSet.noneOf(Transport.class) : EnumSet.copyOf(transports));
    }

    /**
     * From {@code netDir} (e.g. {@code /proc/<pid>/net} for another network namespace), with owners found under
     * {@code proc} and {@code local} as this machine's addresses.
     */
    public static ListeningSnapshot take(Path netDir, Path proc, LocalAddresses local) {
        return new ListeningSnapshot(netDir, proc, java.util.Objects.requireNonNull(local, "local"), Map.of(),
                EnumSet.allOf(Transport.class));
    }

    /**
     * A new snapshot of the same machine, now, that remembers the owners this one (and its predecessors) found: a
     * probe round after the first costs the read of /proc/net and a check that those processes still run, not
     * another pass over every process's descriptors.
     */
    public synchronized ListeningSnapshot next() {
        Map<Long, Owner.Process> known = new HashMap<>(earlier);
        ownerByInode.forEach((inode, owner) -> {
            if (owner instanceof Owner.Process p) {
                known.put(inode, p);
            }
        });
        return new ListeningSnapshot(netDir, proc, thisMachine ? null : local, known, transports);
    }

    /** Reads the tables into {@code rows}; returns why this machine's sockets cannot be read, or null. */
    private static String read(Path netDir, List<SocketRow> rows, Set<Transport> transports) {
        String unavailable = null;
        for (String file : List.of("tcp", "tcp6", "udp", "udp6")) {
            Transport transport = file.startsWith("tcp") ? Transport.TCP : Transport.UDP;
            if (!transports.contains(transport)) {
                continue;
            }
            try {
                byte[] text;
                if (transport == Transport.TCP) {
                    try (InputStream in = Files.newInputStream(netDir.resolve(file))) {
                        text = ProcNet.readListeners(in);
                    }
                } else {
                    text = Files.readAllBytes(netDir.resolve(file)); // no order by state: every socket is read
                }
                rows.addAll(ProcNet.parse(text, transport, file.endsWith("6"), ByteOrder.nativeOrder()));
            } catch (NoSuchFileException e) {
                // tcp6 and udp6 are missing where IPv6 is off; tcp only off Linux (udp, when only UDP is read)
                if (file.equals(transports.contains(Transport.TCP) ? "tcp" : "udp")) {
                    unavailable = "there is no " + netDir.resolve(file) + " (not Linux)";
                }
            } catch (IOException | SecurityException e) {
                unavailable = "cannot read " + netDir.resolve(file) + ": " + e.getMessage();
            }
        }
        return unavailable;
    }

    /** How many bound sockets (TCP listening, UDP bound) the snapshot holds. */
    public int sockets() {
        return sockets;
    }

    /**
     * Whether the endpoint's address is this machine's and its sockets could be read: then {@link #bound} answers
     * for it. An allocation elsewhere is not guessed at.
     */
    public boolean here(Endpoint endpoint) {
        return unavailable == null && local.contains(endpoint.address());
    }

    /**
     * Whether a socket of {@code transport} is bound at the endpoint (TCP listening, UDP bound), without naming its
     * process: a map lookup, so thousands of allocations cost one snapshot each round. False when not {@link #here}.
     */
    public boolean bound(Endpoint endpoint, Transport transport) {
        if (!here(endpoint) || !transports.contains(transport)) {
            return false;
        }
        for (SocketRow r : byPort.getOrDefault(endpoint.port(), List.of())) {
            if (r.transport() == transport && r.accepts(endpoint.address())) {
                return true;
            }
        }
        return false;
    }

    /** Whether anything listens at one endpoint. */
    public Listening lookup(Endpoint endpoint) {
        return lookupAll(List.of(endpoint)).get(endpoint);
    }

    /** Whether anything listens at each endpoint, in their order; owners found in one pass for all of them. */
    public synchronized Map<Endpoint, Listening> lookupAll(Collection<Endpoint> endpoints) {
        Map<Endpoint, List<SocketRow>> matched = new LinkedHashMap<>();
        Map<Long, Long> unknownOwners = new HashMap<>();
        for (Endpoint e : endpoints) {
            if (unavailable != null || !local.contains(e.address())) {
                matched.put(e, null);
                continue;
            }
            List<SocketRow> rows = byPort.getOrDefault(e.port(), List.of()).stream()
                    .filter(r -> r.accepts(e.address())).toList();
            matched.put(e, rows);
            rows.stream().filter(r -> !ownerByInode.containsKey(r.inode()) && !stillHeld(r.inode()))
                    .forEach(r -> unknownOwners.put(r.inode(), r.uid()));
        }
        if (!unknownOwners.isEmpty()) {
            ownerByInode.putAll(new SocketOwners(proc).find(unknownOwners));
        }
        Map<Endpoint, Listening> answers = new LinkedHashMap<>();
        matched.forEach((e, rows) -> answers.put(e, answer(e, rows)));
        return answers;
    }

    /** Takes the owner an earlier snapshot found for this socket when its process still runs. */
    private boolean stillHeld(long inode) {
        Owner.Process known = earlier.get(inode);
        if (known == null || !alive.computeIfAbsent(known.pid(), pid -> Files.isDirectory(proc.resolve(pid.toString())))) {
            return false;
        }
        ownerByInode.put(inode, known);
        return true;
    }

    private Listening answer(Endpoint e, List<SocketRow> rows) {
        if (unavailable != null) {
            return new Listening.Unknown(unavailable);
        }
        if (rows == null) {
            return new Listening.NotThisMachine(AddressText.of(e.address()));
        }
        if (rows.isEmpty()) {
            return new Listening.NotListening();
        }
        return new Listening.Bound(rows.stream().map(r -> r.owned(ownerByInode.get(r.inode()))).toList());
    }
}
