package dev.portdeck.probe.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which process holds a socket: every {@code /proc/<pid>/fd/*} is a link, {@code socket:[inode]} for a socket, as
 * {@code ss -p} finds them. One pass over the processes per question, stopping once every inode asked about is found.
 * Other users' descriptors are readable only with root or CAP_SYS_PTRACE; a socket not found then is
 * {@link Owner.NotPermitted}, never a guess.
 */
final class SocketOwners {

    private static final String SOCKET = "socket:[";

    private final Path proc;
    private final long myUid;

    SocketOwners(Path proc) {
        this.proc = proc;
        this.myUid = uidOf(proc.resolve("self"));
    }

    /** The owners of the sockets (inode → its row's uid); every inode asked about gets an answer. */
    Map<Long, Owner> find(Map<Long, Long> uidByInode) {
        Map<Long, Owner> found = new HashMap<>();
        Set<Long> missing = new HashSet<>(uidByInode.keySet());
        boolean hidden = false; // some process's descriptors could not be read
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, SocketOwners::isPid)) {
            for (Path pid : pids) {
                if (missing.isEmpty()) {
                    break;
                }
                hidden |= !scan(pid, missing, found);
            }
        } catch (IOException e) {
            hidden = true; // no /proc to read: nobody is known
        }
        for (long inode : missing) {
            boolean otherUser = uidByInode.get(inode) != myUid && myUid != 0;
            found.put(inode, hidden || otherUser ? new Owner.NotPermitted() : new Owner.NoProcess());
        }
        return found;
    }

    /** Moves the inodes this process holds from {@code missing} to {@code found}; false when its fds are hidden. */
    private static boolean scan(Path pid, Set<Long> missing, Map<Long, Owner> found) {
        List<Long> held = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
            for (Path fd : fds) {
                long inode = socketInode(fd);
                if (inode >= 0 && missing.contains(inode)) {
                    held.add(inode);
                }
            }
        } catch (AccessDeniedException e) {
            return false;
        } catch (IOException | SecurityException e) {
            return true; // the process ended while we looked: it holds nothing now
        }
        if (!held.isEmpty()) {
            Owner owner = process(pid);
            for (long inode : held) {
                missing.remove(inode);
                found.put(inode, owner);
            }
        }
        return true;
    }

    /** The inode of a descriptor that is a socket, else -1. */
    private static long socketInode(Path fd) {
        String link;
        try {
            link = Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return -1; // closed meanwhile
        }
        if (!link.startsWith(SOCKET) || !link.endsWith("]")) {
            return -1;
        }
        try {
            return Long.parseLong(link, SOCKET.length(), link.length() - 1, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The process at {@code /proc/<pid>}: its command name and, for docker-proxy, where it forwards. */
    private static Owner process(Path pid) {
        long id = Long.parseLong(pid.getFileName().toString());
        String name;
        try {
            name = Files.readString(pid.resolve("comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return new Owner.Process(id, "pid " + id, null);
        }
        String target = null;
        if (name.equals("docker-proxy")) {
            try {
                target = DockerProxy.target(arguments(Files.readAllBytes(pid.resolve("cmdline"))));
            } catch (IOException e) {
                target = null; // the name alone still says it is Docker's proxy
            }
        }
        return new Owner.Process(id, name, target);
    }

    /** The NUL-separated arguments of a cmdline file. */
    static List<String> arguments(byte[] cmdline) {
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= cmdline.length; i++) {
            if (i == cmdline.length || cmdline[i] == 0) {
                if (i > start) {
                    args.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return args;
    }

    private static boolean isPid(Path p) {
        String name = p.getFileName().toString();
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** The owner of {@code /proc/self}, i.e. this process's effective uid; -1 when unknown. */
    private static long uidOf(Path self) {
        try {
            return ((Number) Files.getAttribute(self, "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return -1;
        }
    }
}
