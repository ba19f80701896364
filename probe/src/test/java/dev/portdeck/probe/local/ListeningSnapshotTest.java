package dev.portdeck.probe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot over a /proc tree of files this test writes (a net/tcp table, a process with its fd links), so the
 * owner lookup can be watched: found by a pass over the descriptors, remembered by the next snapshot while the process
 * lives, and never guessed once it is gone.
 */
class ListeningSnapshotTest {

    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";

    @TempDir
    Path proc;

    private Endpoint game;
    private long myUid;

    @BeforeEach
    void aGameServerListensOn25565() throws IOException {
        myUid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("net"));
        // 0.0.0.0:25565 (little-endian words, as on x86), held by pid 4242 through fd 7 → socket:[99001]
        Files.writeString(proc.resolve("net/tcp"), HEADER + "   0: 00000000:63DD 00000000:0000 0A 00000000:00000000"
                + " 00:00000000 00000000 " + myUid + " 0 99001 1 0000000000000000 100 0 0 10 0\n");
        Files.createDirectories(proc.resolve("4242/fd"));
        Files.writeString(proc.resolve("4242/comm"), "game\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(proc.resolve("4242/fd/7"), Path.of("socket:[99001]"));
        Files.createSymbolicLink(proc.resolve("4242/fd/1"), Path.of("/dev/null"));
        game = new Endpoint(InetAddress.getByName("127.0.0.1"), 25565);
    }

    private ListeningSnapshot take() throws IOException {
        return ListeningSnapshot.take(proc.resolve("net"), proc, new LocalAddresses(List.of()));
    }

    private static List<Owner> owners(Listening answer) {
        return ((Listening.Bound) answer).owners();
    }

    @Test
    void theOwnerIsFoundThroughTheProcessesDescriptors() throws IOException {
        assertEquals(List.of(new Owner.Process(4242, "game", null)), owners(take().lookup(game)));
    }

    @Test
    void theNextSnapshotRemembersTheOwnerWhileItsProcessLivesInsteadOfScanningAgain() throws IOException {
        ListeningSnapshot first = take();
        first.lookup(game);
        Files.delete(proc.resolve("4242/fd/7")); // a scan would no longer find it: only the memory can answer
        assertEquals(List.of(new Owner.Process(4242, "game", null)), owners(first.next().lookup(game)));
        assertEquals(List.of(new Owner.NoProcess()), owners(take().lookup(game)), "a fresh snapshot scans");
    }

    @Test
    void anOwnerWhoseProcessEndedIsLookedUpAgainNotRemembered() throws IOException {
        ListeningSnapshot first = take();
        first.lookup(game);
        Files.delete(proc.resolve("4242/fd/7"));
        Files.delete(proc.resolve("4242/fd/1"));
        Files.delete(proc.resolve("4242/fd"));
        Files.delete(proc.resolve("4242/comm"));
        Files.delete(proc.resolve("4242"));
        Files.createDirectories(proc.resolve("5000/fd"));
        Files.writeString(proc.resolve("5000/comm"), "heir\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(proc.resolve("5000/fd/3"), Path.of("socket:[99001]")); // e.g. inherited by a child
        assertEquals(List.of(new Owner.Process(5000, "heir", null)), owners(first.next().lookup(game)));
    }

    @Test
    void withoutProcNetTcpTheAnswerIsUnknownWithTheReason() throws IOException {
        Files.delete(proc.resolve("net/tcp"));
        assertEquals(new Listening.Unknown("there is no " + proc.resolve("net/tcp") + " (not Linux)"),
                take().lookup(game));
    }

    @Test
    void aSocketOfAnotherUserThatNoReadableProcessHoldsIsNotPermittedForAnUnprivilegedUser() throws IOException {
        Files.delete(proc.resolve("4242/fd/7"));
        Files.writeString(proc.resolve("net/tcp"), HEADER + "   0: 00000000:63DD 00000000:0000 0A 00000000:00000000"
                + " 00:00000000 00000000 " + (myUid + 1) + " 0 99001 1 0000000000000000 100 0 0 10 0\n");
        Listening answer = take().lookup(game);
        // root may read every process: not found means no process; anyone else cannot tell
        assertEquals(List.of(myUid == 0 ? new Owner.NoProcess() : new Owner.NotPermitted()), owners(answer));
    }
}
