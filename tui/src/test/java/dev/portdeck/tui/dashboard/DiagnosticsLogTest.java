package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's log names servers and panels: only its owner may read it. */
class DiagnosticsLogTest {

    @TempDir
    Path tmp;

    @Test
    void theLogIs0600InA0700DirectoryNewOrLeftOpenByAnOlderVersion() throws Exception {
        Path fresh = DiagnosticsLog.file(tmp.resolve("a").toString(), "/nowhere");
        DiagnosticsLog.makePrivate(fresh);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.getParent())));

        Path old = DiagnosticsLog.file(tmp.resolve("b").toString(), "/nowhere");
        Files.createDirectories(old.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(old, "an old line\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        DiagnosticsLog.makePrivate(old);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old.getParent())));
        assertEquals("an old line\n", Files.readString(old), "kept, not replaced");
    }
}
