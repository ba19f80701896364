package dev.portdeck.shared.client;

import dev.portdeck.shared.error.InvalidInput;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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
 * </pre>
 * It holds keys, so it is written 0600 in a 0700 directory and refused when group or others may read it.
 */
public final class ConfigFile {

    public static final String FILE_NAME = "config.properties";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

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

    public boolean exists() {
        return Files.exists(path);
    }

    /** The file's contents; an absent file has no profiles. Refuses a file others can read. */
    public Contents read() {
        if (!Files.exists(path)) {
            return new Contents(null, Map.of());
        }
        return parse(properties());
    }

    /**
     * The file's settings under `prefix` (e.g. "dashboard." for the dashboard's defaults), names without the
     * prefix; none when the file is absent. Read with the same checks as the profiles.
     */
    public Map<String, String> section(String prefix) {
        if (!Files.exists(path)) {
            return Map.of();
        }
        Properties p = properties();
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().stream().filter(n -> n.startsWith(prefix))
                .forEach(n -> out.put(n.substring(prefix.length()), p.getProperty(n).strip()));
        return out;
    }

    private Properties properties() {
        refuseIfShared();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new InvalidInput("config", "cannot read " + path + ": " + e.getMessage());
        }
        return p;
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
            ApiKey apiKey = key == null || key.isBlank() ? null : ApiKey.of(key);
            profiles.put(profile, new Profile(profile, p.getProperty(name).strip(), apiKey, insecure));
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
            if (!OWNER_ONLY_FILE.containsAll(perms)) {
                throw new InvalidInput("config", path + " holds API keys but other users may read it (mode "
                        + PosixFilePermissions.toString(perms) + "); fix it with: chmod 600 " + path);
            }
        } catch (IOException e) {
            throw new InvalidInput("config", "cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Adds or replaces `profile`, optionally making it the default; written atomically, 0600 in a 0700 directory. */
    public void save(Profile profile, boolean makeDefault) {
        Contents old = read();
        Properties p = new Properties();
        section("").forEach((name, value) -> { // other settings in the file (e.g. dashboard.*) stay
            if (!name.equals("default") && !name.startsWith("profile.")) {
                p.setProperty(name, value);
            }
        });
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
        }
        write(p);
    }

    private void write(Properties p) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            createPrivateDirectories(dir);
            Path tmp = dir.resolve(FILE_NAME + ".tmp");
            Files.deleteIfExists(tmp);
            createPrivateFile(tmp);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "portdeck panels, written by `portdeck login`. Holds API keys: keep it chmod 600.");
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
