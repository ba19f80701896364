package dev.portdeck.probe.local;

import dev.portdeck.probe.AddressText;
import dev.portdeck.probe.Check.Transport;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This machine's bound sockets at one moment: the four {@code /proc/net} files read once and indexed by port, so
 * thousands of allocations are answered per probe round for the price of one read. Owners are looked up only for the
 * sockets asked about (one pass over {@code /proc/<pid>/fd} per {@link #lookupAll}), and kept for the snapshot's life.
 * Thread-safe.
 */
public final class ListeningSnapshot {

    private static final Path PROC = Path.of("/proc");

    private final Map<Integer, List<SocketRow>> byPort;
    private final int sockets;
    private final String unavailable;
    private final LocalAddresses local;
    private final SocketOwners owners;
    private final Map<Long, Owner> ownerByInode = new HashMap<>(); // guarded by this

    private ListeningSnapshot(List<SocketRow> rows, String unavailable, LocalAddresses local, SocketOwners owners) {
        this.byPort = new HashMap<>();
        rows.forEach(r -> byPort.computeIfAbsent(r.port(), p -> new ArrayList<>(2)).add(r));
        this.sockets = rows.size();
        this.unavailable = unavailable;
        this.local = local;
        this.owners = owners;
    }

    /** This process's network namespace, its processes and this machine's interfaces, now. */
    public static ListeningSnapshot take() {
        return take(PROC.resolve("net"), PROC, LocalAddresses.ofThisMachine());
    }

    /**
     * From {@code netDir} (e.g. {@code /proc/<pid>/net} for another network namespace), with owners found under
     * {@code proc} and {@code local} as this machine's addresses.
     */
    public static ListeningSnapshot take(Path netDir, Path proc, LocalAddresses local) {
        List<SocketRow> rows = new ArrayList<>();
        String unavailable = null;
        for (String file : List.of("tcp", "tcp6", "udp", "udp6")) {
            Transport transport = file.startsWith("tcp") ? Transport.TCP : Transport.UDP;
            try {
                byte[] text = Files.readAllBytes(netDir.resolve(file));
                rows.addAll(ProcNet.parse(text, transport, file.endsWith("6"), ByteOrder.nativeOrder()));
            } catch (NoSuchFileException e) {
                if (file.equals("tcp")) { // tcp6 and udp6 are missing where IPv6 is off; tcp only off Linux
                    unavailable = "there is no " + netDir.resolve(file) + " (not Linux)";
                }
            } catch (IOException | SecurityException e) {
                unavailable = "cannot read " + netDir.resolve(file) + ": " + e.getMessage();
            }
        }
        return new ListeningSnapshot(rows, unavailable, local, new SocketOwners(proc));
    }

    /** How many bound sockets (TCP listening, UDP bound) the snapshot holds. */
    public int sockets() {
        return sockets;
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
            rows.stream().filter(r -> !ownerByInode.containsKey(r.inode()))
                    .forEach(r -> unknownOwners.put(r.inode(), r.uid()));
        }
        if (!unknownOwners.isEmpty()) {
            ownerByInode.putAll(owners.find(unknownOwners));
        }
        Map<Endpoint, Listening> answers = new LinkedHashMap<>();
        matched.forEach((e, rows) -> answers.put(e, answer(e, rows)));
        return answers;
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
