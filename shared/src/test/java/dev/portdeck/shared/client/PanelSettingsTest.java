package dev.portdeck.shared.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.error.InvalidInput;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelSettingsTest {

    @TempDir
    Path tmp;
    Map<String, String> env;

    @BeforeEach
    void isolate() {
        env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", tmp.toString());
    }

    private Optional<PanelConfig> resolve(PanelSettings.Flags flags) {
        return PanelSettings.from(env).resolve(flags);
    }

    private static PanelSettings.Flags panelFlag(String url) {
        return new PanelSettings.Flags(url, null, false, null, null);
    }

    private void storeProfile(String name, String url, String key, boolean makeDefault) {
        ConfigFile.in(env).save(new Profile(name, url, ApiKey.of(key), false), makeDefault);
    }

    @Test
    void nothingConfiguredAnywhereIsEmpty() {
        assertEquals(Optional.empty(), resolve(PanelSettings.Flags.none()));
    }

    @Test
    void environmentAloneConfiguresThePanel() {
        env.put("PORTDECK_PANEL_URL", "https://panel.example.com/");
        env.put("PORTDECK_API_KEY", "ptlc_env");
        PanelConfig c = resolve(PanelSettings.Flags.none()).orElseThrow();
        assertEquals(URI.create("https://panel.example.com"), c.url());
        assertEquals(ApiKey.of("ptlc_env"), c.key());
        assertEquals(PanelConfig.DEFAULT_READ_TIMEOUT, c.readTimeout());
    }

    @Test
    void theFlagBeatsTheEnvironmentWhichBeatsTheFile() {
        storeProfile("main", "https://file.example.com", "ptlc_file", true);
        assertEquals(URI.create("https://file.example.com"), resolve(PanelSettings.Flags.none()).orElseThrow().url());

        env.put("PORTDECK_PANEL_URL", "https://env.example.com");
        env.put("PORTDECK_API_KEY", "ptlc_env");
        assertEquals(URI.create("https://env.example.com"), resolve(PanelSettings.Flags.none()).orElseThrow().url());

        PanelConfig c = resolve(panelFlag("https://flag.example.com")).orElseThrow();
        assertEquals(URI.create("https://flag.example.com"), c.url());
        assertEquals(ApiKey.of("ptlc_env"), c.key());
    }

    @Test
    void theEnvironmentKeyBeatsTheProfileKey() {
        storeProfile("main", "https://file.example.com", "ptlc_file", true);
        env.put("PORTDECK_API_KEY", "ptlc_env");
        PanelConfig c = resolve(PanelSettings.Flags.none()).orElseThrow();
        assertEquals(URI.create("https://file.example.com"), c.url());
        assertEquals(ApiKey.of("ptlc_env"), c.key());
    }

    @Test
    void aNamedProfileIsUsedAndUnknownOnesAreNamed() {
        storeProfile("eu", "https://eu.example.com", "ptlc_eu", true);
        storeProfile("us", "https://us.example.com", "ptlc_us", false);
        PanelSettings.Flags us = new PanelSettings.Flags(null, "us", false, null, null);
        assertEquals(ApiKey.of("ptlc_us"), resolve(us).orElseThrow().key());
        assertEquals(ApiKey.of("ptlc_eu"), resolve(PanelSettings.Flags.none()).orElseThrow().key());

        InvalidInput e = assertThrows(InvalidInput.class,
                () -> resolve(new PanelSettings.Flags(null, "asia", false, null, null)));
        assertTrue(e.getMessage().contains("no profile \"asia\"") && e.getMessage().contains("eu, us"), e.getMessage());
    }

    @Test
    void aProfileFlagBeatsALeftoverEnvironmentButNotThePanelFlag() {
        storeProfile("prod", "https://prod.example.com", "ptlc_prod", true);
        env.put("PORTDECK_PANEL_URL", "http://127.0.0.1:18080");
        env.put("PORTDECK_API_KEY", "ptlc_demo");
        PanelConfig prod = resolve(new PanelSettings.Flags(null, "prod", false, null, null)).orElseThrow();
        assertEquals(URI.create("https://prod.example.com"), prod.url());
        assertEquals(ApiKey.of("ptlc_prod"), prod.key());

        java.util.List<String> warnings = new java.util.ArrayList<>();
        PanelConfig elsewhere = PanelSettings.from(env).resolve(
                new PanelSettings.Flags("https://prod2.example.com", "prod", false, null, null), warnings::add)
                .orElseThrow();
        assertEquals(URI.create("https://prod2.example.com"), elsewhere.url());
        assertEquals(ApiKey.of("ptlc_prod"), elsewhere.key());
        assertEquals(java.util.List.of("sending the key of profile prod (stored for prod.example.com) to"
                + " prod2.example.com, as --profile and --panel ask"), warnings);
    }

    @Test
    void theProfileVariableNeverSendsItsKeyToAnotherUrlFromTheEnvironment() {
        storeProfile("prod", "https://prod.example.com", "ptlc_prod", true);
        env.put("PORTDECK_PROFILE", "prod");
        env.put("PORTDECK_PANEL_URL", "http://127.0.0.1:18080");
        InvalidInput e = assertThrows(InvalidInput.class, () -> resolve(PanelSettings.Flags.none()));
        assertTrue(e.getMessage().startsWith("no API key for http://127.0.0.1:18080 (PORTDECK_PROFILE=prod is for"
                + " prod.example.com"), e.getMessage());
        assertTrue(e.getMessage().contains("pass --profile prod"), e.getMessage());
    }

    @Test
    void theProfileVariableNeverSendsItsKeyToThePanelFlagsUrl() {
        storeProfile("prod", "https://prod.example.com", "ptlc_prod", true);
        env.put("PORTDECK_PROFILE", "prod");
        assertThrows(InvalidInput.class, () -> resolve(panelFlag("https://other.example.com")));
        env.put("PORTDECK_PANEL_URL", "https://third.example.com");
        assertThrows(InvalidInput.class, () -> resolve(panelFlag("https://other.example.com")), "both together");
    }

    @Test
    void theProfileVariableStillLetsAProfileStoredForTheOtherUrlAnswer() {
        storeProfile("prod", "https://prod.example.com", "ptlc_prod", true);
        storeProfile("demo", "http://127.0.0.1:18080", "ptlc_demo", false);
        env.put("PORTDECK_PROFILE", "prod");
        PanelConfig c = resolve(panelFlag("http://127.0.0.1:18080")).orElseThrow();
        assertEquals(ApiKey.of("ptlc_demo"), c.key());
        env.put("PORTDECK_API_KEY", "ptlc_env");
        assertEquals(ApiKey.of("ptlc_env"), resolve(panelFlag("https://elsewhere.example.com")).orElseThrow().key());
    }

    @Test
    void allServersComesFromTheFlagOrTheProfileOfThatPanel() {
        ConfigFile.in(env).save(new Profile("admin", "https://p.example.com", ApiKey.of("ptlc_a"), false, true), true);
        assertTrue(resolve(PanelSettings.Flags.none()).orElseThrow().allServers());
        env.put("PORTDECK_API_KEY", "ptlc_env");
        assertFalse(resolve(panelFlag("https://other.example.com")).orElseThrow().allServers());
        assertTrue(resolve(new PanelSettings.Flags("https://other.example.com", null, false, null, null, true))
                .orElseThrow().allServers());
    }

    @Test
    void aKeyWithALineBreakInTheEnvironmentIsAUsageErrorNamingTheVariable() {
        env.put("PORTDECK_PANEL_URL", "https://p.example.com");
        env.put("PORTDECK_API_KEY", "ptlc_abc\ndef");
        InvalidInput e = assertThrows(InvalidInput.class, () -> resolve(PanelSettings.Flags.none()));
        assertTrue(e.getMessage().startsWith("PORTDECK_API_KEY: the API key contains a line break"), e.getMessage());
    }

    @Test
    void theProfileEnvironmentVariableChoosesAProfile() {
        storeProfile("eu", "https://eu.example.com", "ptlc_eu", true);
        storeProfile("us", "https://us.example.com", "ptlc_us", false);
        env.put("PORTDECK_PROFILE", "us");
        assertEquals(URI.create("https://us.example.com"), resolve(PanelSettings.Flags.none()).orElseThrow().url());
    }

    @Test
    void aStoredKeyIsNeverSentToAnotherPanelUrl() {
        storeProfile("main", "https://file.example.com", "ptlc_file", true);
        InvalidInput e = assertThrows(InvalidInput.class, () -> resolve(panelFlag("https://other.example.com")));
        assertTrue(e.getMessage().startsWith("no API key for https://other.example.com"), e.getMessage());

        PanelConfig same = resolve(panelFlag("https://file.example.com/api/client")).orElseThrow();
        assertEquals(ApiKey.of("ptlc_file"), same.key());
    }

    @Test
    void plainHttpIsOnlyAllowedToLoopbackUnlessAskedFor() {
        env.put("PORTDECK_API_KEY", "ptlc_env");
        assertEquals("http", resolve(panelFlag("http://127.0.0.1:8080")).orElseThrow().url().getScheme());
        assertEquals("http", resolve(panelFlag("http://localhost:8080")).orElseThrow().url().getScheme());
        assertEquals("http", resolve(panelFlag("http://[::1]:8080")).orElseThrow().url().getScheme());
        InvalidInput e = assertThrows(InvalidInput.class, () -> resolve(panelFlag("http://10.1.2.3")));
        assertTrue(e.getMessage().contains("--allow-insecure-http"), e.getMessage());
        PanelConfig c = resolve(new PanelSettings.Flags("http://10.1.2.3", null, true, null, null)).orElseThrow();
        assertTrue(c.allowInsecureHttp());
    }

    @Test
    void timeoutsFromTheFlagsAreKept() {
        env.put("PORTDECK_API_KEY", "ptlc_env");
        PanelConfig c = resolve(new PanelSettings.Flags("https://p.example.com", null, false, Duration.ofMillis(250),
                Duration.ofSeconds(2))).orElseThrow();
        assertEquals(Duration.ofMillis(250), c.connectTimeout());
        assertEquals(Duration.ofSeconds(2), c.readTimeout());
        assertFalse(c.toString().contains("ptlc_env"));
    }
}
