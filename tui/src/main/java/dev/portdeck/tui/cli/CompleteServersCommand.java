package dev.portdeck.tui.cli;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PanelOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * `portdeck __complete-servers` (hidden): the names and short ids of the panel's servers, one per line, for the shell
 * completion of SERVER. Answers from a cache of at most {@link #FRESH} old, else asks the panel with short timeouts;
 * prints nothing at all when that fails, so a TAB never shows an error or waits long.
 */
@Command(name = "__complete-servers", hidden = true,
        description = "Server names and short ids for shell completion, one per line.")
public final class CompleteServersCommand implements Callable<Integer> {

    /** How long a fetched list is used before the panel is asked again. */
    static final Duration FRESH = Duration.ofSeconds(60);
    private static final Duration CONNECT = Duration.ofSeconds(1);
    private static final Duration READ = Duration.ofSeconds(2);

    @Spec
    CommandSpec spec;

    @Mixin
    PanelOptions panel;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Optional<PanelConfig> config = panel.resolve();
            if (config.isPresent()) {
                names(config.get()).forEach(out::println);
            }
        } catch (InvalidInput | PanelException | IOException e) {
            // completion stays silent: the command itself will say what is wrong
        }
        out.flush();
        return ExitCode.OK;
    }

    private List<String> names(PanelConfig config) throws IOException {
        Path cache = cacheFile(panel.environment().variables(), config);
        if (Files.isRegularFile(cache)
                && Files.getLastModifiedTime(cache).toInstant().isAfter(Instant.now().minus(FRESH))) {
            return Files.readAllLines(cache, StandardCharsets.UTF_8);
        }
        List<String> names = new ArrayList<>();
        PanelConfig quick = new PanelConfig(config.url(), config.key(), CONNECT, READ, config.allowInsecureHttp(),
                config.allServers());
        try (PanelClient client = new PanelClient(quick)) {
            for (Server s : client.listServers()) {
                names.add(TerminalText.clean(s.name()).strip());
                names.add(s.identifier());
            }
        }
        write(cache, names);
        return names;
    }

    /** `$XDG_CACHE_HOME/portdeck/servers-HASH.txt`, the hash naming the panel, key and scope without revealing them. */
    static Path cacheFile(Map<String, String> env, PanelConfig config) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] id = sha.digest((config.url() + "\n" + config.key().reveal() + "\n" + config.allServers())
                    .getBytes(StandardCharsets.UTF_8));
            return base.resolve("portdeck").resolve("servers-" + HexFormat.of().formatHex(id, 0, 8) + ".txt");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Server names are the user's business: 0600 in a 0700 directory, replaced atomically. */
    private static void write(Path cache, List<String> names) throws IOException {
        Path dir = cache.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path tmp = Files.createTempFile(dir, "servers", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, names, StandardCharsets.UTF_8);
        Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now()));
    }
}
