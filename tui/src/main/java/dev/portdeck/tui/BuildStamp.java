package dev.portdeck.tui;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/** What `portdeck --version` says: the version and the commit of the build, read from the running jar's manifest. */
public record BuildStamp(String version, String commit) {

    /** A git commit id; a build outside a git checkout leaves Maven's placeholder in the manifest instead. */
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

    public static BuildStamp current() {
        return of(manifestOfThisJar());
    }

    /** The stamp from a manifest's main attributes; null (classes run from a directory) is a development build. */
    public static BuildStamp of(Attributes manifest) {
        if (manifest == null) {
            return new BuildStamp("development build", null);
        }
        String version = manifest.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        String commit = manifest.getValue("Build-Commit");
        return new BuildStamp(version == null ? "development build" : version,
                commit != null && COMMIT.matcher(commit).matches() ? commit : null);
    }

    /** "portdeck 0.1.0 (commit 1a2b3c4)", or "(unknown commit)" for a build from a source tarball. */
    public String line() {
        return "portdeck " + version + (commit == null ? " (unknown commit)" : " (commit " + commit + ")");
    }

    private static Attributes manifestOfThisJar() {
        CodeSource source = BuildStamp.class.getProtectionDomain().getCodeSource();
        try {
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) {
                return null;
            }
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                return file.getManifest() == null ? null : file.getManifest().getMainAttributes();
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return null; // the version flag never fails; an unreadable jar says "development build"
        }
    }
}
