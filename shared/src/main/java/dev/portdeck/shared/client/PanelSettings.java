package dev.portdeck.shared.client;

import dev.portdeck.shared.error.InvalidInput;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides which panel and key to use. Precedence for each: command-line flag, then environment
 * ({@value #ENV_URL}, {@value #ENV_KEY}, {@value #ENV_PROFILE}), then the config file's profile; a --profile flag
 * counts as a flag for both the profile's URL and key, so it beats the environment (only --panel beats it).
 * A stored key is only ever sent to the URL stored beside it, unless the user named that profile explicitly.
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
        String explicitProfile = firstNonBlank(flags.profile(), env.get(ENV_PROFILE));
        // --profile on the command line means that profile's URL and key, over whatever the environment says.
        boolean profileFlag = blankToNull(flags.profile()) != null;
        String urlText = profileFlag ? blankToNull(flags.panel()) : firstNonBlank(flags.panel(), env.get(ENV_URL));
        String envKey = profileFlag ? null : blankToNull(env.get(ENV_KEY));
        Profile profile = null;
        if (explicitProfile != null || urlText == null || envKey == null) {
            profile = chooseProfile(explicitProfile, urlText).orElse(null);
        }
        if (urlText == null && profile == null) {
            return Optional.empty();
        }
        String source = flags.panel() != null ? "--panel" : urlText != null ? ENV_URL : "profile " + profile.name();
        if (urlText == null) {
            urlText = profile.url();
        }
        boolean insecure = flags.allowInsecureHttp() || profile != null && profile.allowInsecureHttp()
                && sameUrl(profile.url(), urlText);
        URI url = PanelAddress.parse(urlText, insecure);
        ApiKey key = envKey != null ? ApiKey.of(envKey) : profile == null ? null : profile.key();
        if (key == null) {
            throw new InvalidInput("key", "no API key for " + url + ": set " + ENV_KEY + ", or run `portdeck login --panel "
                    + url + "` to store one");
        }
        LOG.fine(() -> "panel " + url + " (from " + source + "), key from "
                + (envKey != null ? ENV_KEY : "profile " + (explicitProfile != null ? explicitProfile : "for that URL")));
        return Optional.of(new PanelConfig(url, key, orDefault(flags.connectTimeout(), PanelConfig.DEFAULT_CONNECT_TIMEOUT),
                orDefault(flags.readTimeout(), PanelConfig.DEFAULT_READ_TIMEOUT), insecure));
    }

    /** The named profile; or, with no name, the one stored for `urlText`, or the file's default when no URL was given. */
    private Optional<Profile> chooseProfile(String explicit, String urlText) {
        if (explicit == null && !file.exists()) {
            return Optional.empty();
        }
        ConfigFile.Contents contents = file.read();
        if (explicit != null) {
            return Optional.of(contents.profile(explicit).orElseThrow(() -> unknownProfile(explicit, contents)));
        }
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
     */
    public record Flags(String panel, String profile, boolean allowInsecureHttp, Duration connectTimeout,
                        Duration readTimeout) {
        public static Flags none() {
            return new Flags(null, null, false, null, null);
        }
    }
}
