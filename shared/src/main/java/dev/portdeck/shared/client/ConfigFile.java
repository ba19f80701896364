package dev.portdeck.shared.client;

import dev.portdeck.shared.error.InvalidInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The profiles file, `$XDG_CONFIG_HOME/portdeck/config.properties`:
 * <pre>
 * default=main
 * profile.main.url=https://panel.example.com
 * profile.main.key=ptlc_...
 * profile.main.allow_insecure_http=false
 * profile.main.all_servers=false
 * </pre>
 * It holds keys, so it is written 0600 in a 0700 directory and refused when group or others have any access to it.
 * It is read only when it is a regular file (a FIFO would block, a dangling link is a mistake to report).
 */
public final class ConfigFile {

    public static final String FILE_NAME = "config.properties";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    /** A profiles file is a few lines; anything bigger is not one. */
    private static final int MAX_BYTES = 1024 * 1024;

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    /** `$XDG_CONFIG_HOME/portdeck/config.properties`, or `~/.config/portdeck/config.properties`. */
    public static ConfigFile in(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            base = Path.of(home, ".config");
        }
        return new ConfigFile(base.resolve("portdeck").resolve(FILE_NAME));
    }

    public Path path() {
        return path;
    }

    /** Whether there is anything at the path, a dangling symbolic link included. */
    public boolean exists() {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The file's contents; an absent file has no profiles. Refuses a file others can access, a dangling link, and
     * anything that is not a regular file, each with a sentence saying how to fix it.
     */
    public Contents read() {
        if (!exists()) {
            return new Contents(null, Map.of());
        }
        return parse(load());
    }

    /**
     * The settings beside the profiles whose keys start with {@code prefix} (removed), e.g. "checks." for the probe's
     * per-allocation checks, or one key when {@code prefix} has no dot at its end. Empty without a file.
     */
    public Map<String, String> entries(String prefix) {
        if (!exists()) {
            return Map.of();
        }
        Properties p = load();
        Map<String, String> out = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (prefix.endsWith(".") ? name.startsWith(prefix) : name.equals(prefix)) {
                out.put(name.substring(prefix.endsWith(".") ? prefix.length() : 0), p.getProperty(name));
            }
        }
        return out;
    }

    private Properties load() {
        refuseIfNotAFile();
        refuseIfShared();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidInput("config", path + " is larger than a profiles file can be (1 MiB)");
            }
            p.load(new StringReader(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString()));
        } catch (CharacterCodingException e) {
            throw new InvalidInput("config", "cannot read " + path + ": it is not UTF-8 text");
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("config", "cannot read " + path + ": it has a malformed \\u escape (write"
                    + " \\u followed by four hex digits, or the character itself)");
        } catch (IOException e) {
            throw new InvalidInput("config", "cannot read " + path + ": " + e.getMessage());
        }
        return p;
    }

    private void refuseIfNotAFile() {
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            String target;
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                target = "a file";
            }
            throw new InvalidInput("config", path + " is a symbolic link to " + target + ", which does not exist:"
                    + " fix the link, or remove it and run `portdeck login`");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidInput("config", path + " is not a regular file (" + (Files.isDirectory(path) ? "a directory"
                    : "a FIFO, socket or device") + "); the profiles must be a plain file written by `portdeck login`");
        }
    }

    private Contents parse(Properties p) {
        Map<String, Profile> profiles = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (!name.startsWith("profile.") || !name.endsWith(".url")) {
                continue;
            }
            String profile = name.substring("profile.".length(), name.length() - ".url".length());
            String key = p.getProperty("profile." + profile + ".key");
            boolean insecure = Boolean.parseBoolean(p.getProperty("profile." + profile + ".allow_insecure_http"));
            boolean allServers = Boolean.parseBoolean(p.getProperty("profile." + profile + ".all_servers"));
            ApiKey apiKey;
            try {
                apiKey = key == null || key.isBlank() ? null : ApiKey.of(key);
            } catch (InvalidInput e) {
                throw new InvalidInput("key", "profile " + profile + " in " + path + ": " + e.getMessage());
            }
            profiles.put(profile, new Profile(profile, p.getProperty(name).strip(), apiKey, insecure, allServers));
        }
        String def = p.getProperty("default");
        return new Contents(def == null || def.isBlank() ? null : def.strip(), profiles);
    }

    private void refuseIfShared() {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: nothing to check
        }
        try {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (!OWNER_ONLY_DIR.containsAll(perms)) { // the owner's own bits, x included, are the owner's business
                throw new InvalidInput("config", path + " holds API keys but other users may read it (mode "
                        + PosixFilePermissions.toString(perms) + "); fix it with: chmod 600 " + path);
            }
        } catch (IOException e) {
            throw new InvalidInput("config", "cannot read " + path + ": " + e.getMessage());
        }
    }

    /**
     * Adds or replaces `profile`, optionally making it the default; written atomically, 0600 in a 0700 directory.
     * The user's other settings in the file (checks, expect_closed, ...) are kept.
     */
    public void save(Profile profile, boolean makeDefault) {
        Contents old = read();
        Properties p = new Properties();
        if (exists()) {
            Properties kept = load();
            kept.stringPropertyNames().stream().filter(k -> !k.equals("default") && !k.startsWith("profile."))
                    .forEach(k -> p.setProperty(k, kept.getProperty(k)));
        }
        String def = makeDefault || old.defaultProfile() == null ? profile.name() : old.defaultProfile();
        p.setProperty("default", def);
        Map<String, Profile> all = new TreeMap<>(old.profiles());
        all.put(profile.name(), profile);
        for (Profile each : all.values()) {
            p.setProperty("profile." + each.name() + ".url", each.url());
            if (each.key() != null) {
                p.setProperty("profile." + each.name() + ".key", each.key().reveal());
            }
            if (each.allowInsecureHttp()) {
                p.setProperty("profile." + each.name() + ".allow_insecure_http", "true");
            }
            if (each.allServers()) {
                p.setProperty("profile." + each.name() + ".all_servers", "true");
            }
        }
        write(p);
    }

    /**
     * Sets one setting ({@code value} null removes it) and keeps every other line as it was, comments and order
     * included: the line that set {@code key} is replaced (a second one is dropped, as only the last counted), a new
     * one goes at the end. Written atomically, 0600 in a 0700 directory, like {@link #save}; a file that others may
     * read, or that is no regular file, is refused as when reading.
     */
    public void put(String key, String value) {
        if (key == null || key.isBlank() || key.startsWith("profile.") || key.equals("default")) {
            throw new IllegalArgumentException("not a setting beside the profiles: " + key);
        }
        String text = exists() ? text() : "";
        StringBuilder out = new StringBuilder(text.length() + 64);
        boolean written = false;
        for (String logical : PropertyLines.split(text)) {
            if (!key.equals(PropertyLines.key(logical))) {
                out.append(logical);
            } else if (value != null && !written) {
                out.append(PropertyLines.line(key, value)).append(PropertyLines.ending(logical));
                written = true;
            }
        }
        if (value != null && !written) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n' && out.charAt(out.length() - 1) != '\r') {
                out.append('\n');
            }
            out.append(PropertyLines.line(key, value)).append('\n');
        }
        write(out.toString());
    }

    /** The file's text, after the same refusals as reading it (shared, not a file, too large, not UTF-8). */
    private String text() {
        load();
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (IOException e) {
            throw new InvalidInput("config", "cannot read " + path + ": " + e.getMessage());
        }
    }

    private void write(Properties p) {
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            p.store(text, "portdeck panels, written by `portdeck login`. Holds API keys: keep it chmod 600.");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        write(text.toString());
    }

    private void write(String text) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            createPrivateDirectories(dir);
            Path tmp = dir.resolve(FILE_NAME + ".tmp");
            Files.deleteIfExists(tmp);
            createPrivateFile(tmp);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(text);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createPrivateDirectories(dir.getParent());
        if (posix(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR); // the umask may have masked the attribute
        } else {
            Files.createDirectory(dir);
        }
    }

    private static void createPrivateFile(Path file) throws IOException {
        try {
            if (posix(file.getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " appeared while writing", e);
        }
    }

    /** What the file says: the default profile's name (or null) and the profiles by name. */
    public record Contents(String defaultProfile, Map<String, Profile> profiles) {
        public Contents {
            profiles = java.util.Collections.unmodifiableMap(new TreeMap<>(profiles)); // sorted for messages
        }

        public Optional<Profile> profile(String name) {
            return Optional.ofNullable(profiles.get(name));
        }
    }
}
