package dev.portdeck.shared.client;

import java.util.regex.Pattern;

/**
 * One named panel in the config file. toString() never shows the key.
 *
 * @param name              e.g. "default", "eu", "staging"
 * @param url               the panel's base URL as stored (checked again when used)
 * @param key               the client API key, or null when the profile stores none
 * @param allowInsecureHttp whether `login` was told --allow-insecure-http for this panel
 * @param allServers        list every server the user administers (`all_servers=true` in the file)
 */
public record Profile(String name, String url, ApiKey key, boolean allowInsecureHttp, boolean allServers) {

    public Profile(String name, String url, ApiKey key, boolean allowInsecureHttp) {
        this(name, url, key, allowInsecureHttp, false);
    }

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return "Profile[name=" + name + ", url=" + url + ", key=" + key + ", allowInsecureHttp=" + allowInsecureHttp
                + ", allServers=" + allServers + "]";
    }
}
