package dev.portdeck.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;

class BuildStampTest {

    @Test
    void aJarBuiltInAGitCheckoutNamesItsVersionAndCommit() {
        assertEquals("portdeck 1.2.0 (commit 9762385)", BuildStamp.of(manifest("1.2.0", "9762385")).line());
    }

    @Test
    void aJarBuiltFromASourceTarballSaysTheCommitIsUnknown() {
        // Without .git the build sets no commit, and Maven leaves its placeholder in the manifest.
        assertEquals("portdeck 1.2.0 (unknown commit)",
                BuildStamp.of(manifest("1.2.0", "${portdeck.commit}")).line());
        assertEquals("portdeck 1.2.0 (unknown commit)", BuildStamp.of(manifest("1.2.0", null)).line());
    }

    @Test
    void classesRunOutsideAJarAreADevelopmentBuild() {
        assertEquals("portdeck development build (unknown commit)", BuildStamp.of(null).line());
        assertEquals("portdeck development build (unknown commit)", BuildStamp.current().line(),
                "unit tests run from target/classes");
    }

    private static Attributes manifest(String version, String commit) {
        Attributes a = new Attributes();
        a.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        if (commit != null) {
            a.putValue("Build-Commit", commit);
        }
        return a;
    }
}
