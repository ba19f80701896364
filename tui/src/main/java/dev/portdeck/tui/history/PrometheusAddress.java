package dev.portdeck.tui.history;

import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.error.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the dashboard reads the allocations' history: --prometheus URL, else {@value #ENV}, else the config file's
 * {@code profile.NAME.prometheus} for the profile in use, else its top-level {@code prometheus}. Nothing anywhere
 * means no history (the dashboard is as without an agent).
 */
public final class PrometheusAddress {

    public static final String ENV = "PORTDECK_PROMETHEUS_URL";
    static final String KEY = "prometheus";

    private PrometheusAddress() {
    }

    /**
     * @param flag    --prometheus as given, or null
     * @param profile the profile in use (--profile, PORTDECK_PROFILE or the file's default), or null
     * @throws InvalidInput when the URL found is not an http(s) URL, naming where it came from
     */
    public static Optional<URI> resolve(String flag, Map<String, String> env, ConfigFile file, String profile) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(parse(flag, "--prometheus"));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(parse(fromEnv, ENV));
        }
        if (!file.exists()) {
            return Optional.empty();
        }
        String name = profile != null ? profile : file.entries("default").get("default");
        String perProfile = name == null ? null : file.entries("profile." + name + "." + KEY).get("profile." + name
                + "." + KEY);
        if (perProfile != null && !perProfile.isBlank()) {
            return Optional.of(parse(perProfile, file.path() + " (profile." + name + "." + KEY + ")"));
        }
        String global = file.entries(KEY).get(KEY);
        return global == null || global.isBlank() ? Optional.empty()
                : Optional.of(parse(global, file.path() + " (" + KEY + ")"));
    }

    /** The address as the dashboard shows it: without a user:password part, a query or a fragment. */
    public static String shown(URI prometheus) {
        try {
            return new URI(prometheus.getScheme(), null, prometheus.getHost(), prometheus.getPort(),
                    prometheus.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return prometheus.getScheme() + "://" + prometheus.getHost();
        }
    }

    static URI parse(String text, String source) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // the sentence below
        }
        throw new InvalidInput("prometheus", source + " must be Prometheus' http(s) URL, e.g. http://127.0.0.1:9090,"
                + " not \"" + text.strip() + "\"");
    }
}
