package dev.portdeck.shared.client;

import java.net.URI;
import java.time.Duration;

/**
 * Where the panel is and how to talk to it. toString() never shows the key.
 *
 * @param url               the panel's base URL, e.g. https://panel.example.com (no /api suffix)
 * @param key               the client API key
 * @param connectTimeout    TCP/TLS connect timeout
 * @param readTimeout       the longest one request may take, from connecting to the last byte of the answer
 * @param allowInsecureHttp permit http:// to a non-loopback host
 * @param allServers        list every server the user administers (`?type=admin-all`), not only their own
 */
public record PanelConfig(URI url, ApiKey key, Duration connectTimeout, Duration readTimeout, boolean allowInsecureHttp,
                          boolean allServers) {

    /** Listing only the user's own servers (and those they are a subuser of). */
    public PanelConfig(URI url, ApiKey key, Duration connectTimeout, Duration readTimeout, boolean allowInsecureHttp) {
        this(url, key, connectTimeout, readTimeout, allowInsecureHttp, false);
    }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    public static PanelConfig of(URI url, ApiKey key) {
        return new PanelConfig(url, key, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, false);
    }

    public PanelConfig withAllServers(boolean all) {
        return new PanelConfig(url, key, connectTimeout, readTimeout, allowInsecureHttp, all);
    }

    @Override
    public String toString() {
        return "PanelConfig[url=" + url + ", key=" + (key == null ? "none" : key.toString())
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", allowInsecureHttp=" + allowInsecureHttp + ", allServers=" + allServers + "]";
    }
}
