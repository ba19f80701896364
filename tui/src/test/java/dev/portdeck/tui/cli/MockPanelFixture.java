package dev.portdeck.tui.cli;

import java.nio.file.Path;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Commands run in-process against a MockWebServer panel on a free loopback port, with a config home of their own. */
public abstract class MockPanelFixture {

    @TempDir
    protected Path home;
    protected MockWebServer panel;
    protected Cli cli;

    @BeforeEach
    void startPanel() throws Exception {
        panel = new MockWebServer();
        panel.start();
        cli = new Cli(home).panel(panel.url("/").toString());
    }

    @AfterEach
    void stopPanel() throws Exception {
        panel.shutdown();
    }
}
