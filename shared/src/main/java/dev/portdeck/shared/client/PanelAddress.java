package dev.portdeck.shared.client;

import dev.portdeck.shared.error.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Turns what a user typed as the panel URL into the base URI the client talks to, refusing unsafe ones. */
public final class PanelAddress {

    private PanelAddress() {
    }

    /**
     * Parses and checks `text`: http or https, a host, no credentials; a trailing `/`, `/api` or `/api/client` is
     * dropped because users paste those. Plain http is refused for anything but loopback unless `allowInsecureHttp`.
     */
    public static URI parse(String text, boolean allowInsecureHttp) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("panel", "the panel URL is empty");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInput("panel", "the panel URL \"" + withoutCredentials(text) + "\" is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new InvalidInput("panel", "the panel URL must look like https://panel.example.com, not \""
                    + withoutCredentials(text) + "\"");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535 || uri.getPort() < -1) {
            throw new InvalidInput("panel", "the panel URL's port " + uri.getPort() + " is not a port number (1-65535)");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInput("panel", "the panel URL must be just the address, like https://panel.example.com"
                    + " (no user name, query or fragment)");
        }
        if (scheme.equals("http") && !allowInsecureHttp && !IpLiteral.isLoopbackHost(uri.getHost())) {
            throw new InvalidInput("panel", "refusing to send the API key over plain http to " + uri.getHost()
                    + ": use https://, or pass --allow-insecure-http if you really mean it");
        }
        return base(uri, scheme);
    }

    /** What the user typed, minus a `user:password@` part: error messages must not repeat a secret. */
    static String withoutCredentials(String text) {
        return text.strip().replaceAll("(?<=//)[^/@\\s]*@", "…@");
    }

    private static URI base(URI uri, String scheme) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = path.replaceAll("/+$", "");
        if (path.endsWith("/api/client")) {
            path = path.substring(0, path.length() - "/api/client".length());
        } else if (path.endsWith("/api")) {
            path = path.substring(0, path.length() - "/api".length());
        }
        try {
            return new URI(scheme + "://" + uri.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            throw new InvalidInput("panel", "the panel URL \"" + uri + "\" is not a valid URL");
        }
    }
}
