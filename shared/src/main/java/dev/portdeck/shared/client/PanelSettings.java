package dev.portdeck.shared.client;

import dev.portdeck.shared.error.InvalidInput;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Decides which panel and key to use. Precedence for each: command-line flag, then environment
 * ({@value #ENV_URL}, {@value #ENV_KEY}, {@value #ENV_PROFILE}), then the config file's profile; a --profile flag
 * counts as a flag for both the profile's URL and key, so it beats the environment (only --panel beats it).
 * A stored key is only ever sent to the URL stored beside it. The one exception is `--profile NAME --panel URL` typed
 * together, and that prints a warning naming both hosts; {@value #ENV_PROFILE} (easily left set in a shell) never
 * sends a profile's key anywhere else.
 */
public final class PanelSettings {

    public static final String ENV_URL = "PORTDECK_PANEL_URL";
    public static final String ENV_KEY = "PORTDECK_API_KEY";
    public static final String ENV_PROFILE = "PORTDECK_PROFILE";

    private static final Logger LOG = Logger.getLogger("portdeck.client");

    private final Map<String, String> env;
    private final ConfigFile file;

    public PanelSettings(Map<String, String> env, ConfigFile file) {
        this.env = Map.copyOf(env);
        this.file = file;
    }

    /** Settings from this environment, with the config file where XDG_CONFIG_HOME/HOME in it say. */
    public static PanelSettings from(Map<String, String> env) {
        return new PanelSettings(env, ConfigFile.in(env));
    }

    public ConfigFile configFile() {
        return file;
    }

    /**
     * The panel to talk to, or empty when none is configured anywhere (no flag, no environment, no profile).
     * Throws {@link InvalidInput} when something is configured but unusable (no key, bad URL, unknown profile, a
     * config file others can read).
     */
    public Optional<PanelConfig> resolve(Flags flags) {
        return resolve(flags, warning -> LOG.warning(warning));
    }

    /** {@link #resolve(Flags)}, telling `warnings` when a stored key is about to go to a host other than its own. */
    public Optional<PanelConfig> resolve(Flags flags, Consumer<String> warnings) {
        // --profile on the command line means that profile's URL and key, over whatever the environment says.
        String profileFlag = blankToNull(flags.profile());
        String envProfile = profileFlag == null ? blankToNull(env.get(ENV_PROFILE)) : null;
        String urlText = profileFlag != null ? blankToNull(flags.panel()) : firstNonBlank(flags.panel(), env.get(ENV_URL));
        String envKey = profileFlag != null ? null : blankToNull(env.get(ENV_KEY));
        Profile named = null;
        Profile profile = null;
        if (profileFlag != null || envProfile != null || urlText == null || envKey == null) {
            named = namedProfile(profileFlag != null ? profileFlag : envProfile).orElse(null);
            boolean elsewhere = named != null && urlText != null && !sameUrl(named.url(), urlText);
            profile = named == null || elsewhere && profileFlag == null ? chooseProfile(urlText).orElse(null) : named;
        }
        if (urlText == null && profile == null) {
            return Optional.empty();
        }
        String source = flags.panel() != null ? "--panel" : urlText != null ? ENV_URL : "profile " + profile.name();
        if (urlText == null) {
            urlText = profile.url();
        }
        boolean sameAsProfile = profile != null && sameUrl(profile.url(), urlText);
        boolean insecure = flags.allowInsecureHttp() || sameAsProfile && profile.allowInsecureHttp();
        URI url = PanelAddress.parse(urlText, insecure);
        ApiKey key = envKey != null ? environmentKey(envKey) : profile == null ? null : profile.key();
        if (key == null) {
            throw noKey(url, named);
        }
        if (envKey == null && !sameAsProfile) {
            warnings.accept("sending the key of profile " + profile.name() + " (stored for " + host(profile.url())
                    + ") to " + url.getHost() + ", as --profile and --panel ask");
        }
        String keySource = envKey != null ? ENV_KEY : "profile " + profile.name();
        LOG.fine(() -> "panel " + url + " (from " + source + "), key from " + keySource);
        boolean allServers = flags.allServers() || sameAsProfile && profile.allServers();
        return Optional.of(new PanelConfig(url, key, orDefault(flags.connectTimeout(), PanelConfig.DEFAULT_CONNECT_TIMEOUT),
                orDefault(flags.readTimeout(), PanelConfig.DEFAULT_READ_TIMEOUT), insecure, allServers));
    }

    private InvalidInput noKey(URI url, Profile named) {
        String why = named == null || sameUrl(named.url(), url.toString()) ? ""
                : " (" + ENV_PROFILE + "=" + named.name() + " is for " + host(named.url()) + ", and a stored key only goes"
                        + " to its own panel; pass --profile " + named.name() + " to send it to " + url.getHost()
                        + " anyway)";
        return new InvalidInput("key", "no API key for " + url + why + ": set " + ENV_KEY
                + ", or run `portdeck login --panel " + url + "` to store one");
    }

    private static ApiKey environmentKey(String text) {
        try {
            return ApiKey.of(text);
        } catch (InvalidInput e) {
            throw new InvalidInput("key", ENV_KEY + ": " + e.getMessage());
        }
    }

    private static String host(String url) {
        try {
            return PanelAddress.parse(url, true).getHost();
        } catch (InvalidInput e) {
            return url;
        }
    }

    /** The profile called `name` (which must exist), or empty when no name was given. */
    private Optional<Profile> namedProfile(String name) {
        if (name == null) {
            return Optional.empty();
        }
        ConfigFile.Contents contents = file.read();
        return Optional.of(contents.profile(name).orElseThrow(() -> unknownProfile(name, contents)));
    }

    /** The profile stored for `urlText`, or the file's default when no URL was given. */
    private Optional<Profile> chooseProfile(String urlText) {
        if (!file.exists()) {
            return Optional.empty();
        }
        ConfigFile.Contents contents = file.read();
        if (urlText != null) {
            return contents.profiles().values().stream().filter(p -> sameUrl(p.url(), urlText)).findFirst();
        }
        if (contents.defaultProfile() != null) {
            String def = contents.defaultProfile();
            return Optional.of(contents.profile(def).orElseThrow(() -> unknownProfile(def, contents)));
        }
        if (contents.profiles().size() == 1) {
            return contents.profiles().values().stream().findFirst();
        }
        return contents.profile("default");
    }

    private InvalidInput unknownProfile(String name, ConfigFile.Contents contents) {
        String known = contents.profiles().isEmpty() ? "it has none" : "it has " + String.join(", ",
                contents.profiles().keySet());
        return new InvalidInput("profile", "there is no profile \"" + name + "\" in " + file.path() + " (" + known
                + "); create it with `portdeck login --profile " + name + " --panel https://...`");
    }

    /** Compares panel URLs the way PanelAddress normalises them, without refusing insecure ones. */
    static boolean sameUrl(String a, String b) {
        try {
            return PanelAddress.parse(a, true).equals(PanelAddress.parse(b, true));
        } catch (InvalidInput e) {
            return false;
        }
    }

    private static Duration orDefault(Duration d, Duration fallback) {
        return d == null ? fallback : d;
    }

    private static String firstNonBlank(String a, String b) {
        return blankToNull(a) != null ? a.strip() : blankToNull(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * What the command line said; null means "not given".
     *
     * @param panel             --panel URL
     * @param profile           --profile NAME
     * @param allowInsecureHttp --allow-insecure-http
     * @param connectTimeout    --connect-timeout
     * @param readTimeout       --read-timeout
     * @param allServers        --all-servers
     */
    public record Flags(String panel, String profile, boolean allowInsecureHttp, Duration connectTimeout,
                        Duration readTimeout, boolean allServers) {

        public Flags(String panel, String profile, boolean allowInsecureHttp, Duration connectTimeout,
                     Duration readTimeout) {
            this(panel, profile, allowInsecureHttp, connectTimeout, readTimeout, false);
        }

        public static Flags none() {
            return new Flags(null, null, false, null, null);
        }
    }
}
