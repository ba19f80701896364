package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import dev.portdeck.probe.SelfSignedTls;
import dev.portdeck.probe.choice.CheckOverrides;
import dev.portdeck.probe.local.ListeningSnapshot;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.dashboard.state.CheckSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https allocation: what the web server said and the certificate it presented, days left included. */
class CertificateDetailTest {

    @TempDir
    Path tmp;

    @Test
    void anHttpsPortShowsItsStatusServerAndCertificate() throws Exception {
        try (MockWebServer web = new MockWebServer()) {
            web.useHttps(SelfSignedTls.context(tmp).getSocketFactory(), false);
            web.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse().setResponseCode(200).setHeader("Server", "panel-web");
                }
            });
            web.start(InetAddress.getByName("127.0.0.1"), 0);
            DemoWorld world = DemoWorld.builder().node("n", "127.0.0.1", null, List.of())
                    .server(new DemoWorld.ServerSpec("Shop", "n", "", 2, PowerState.RUNNING, false,
                            List.of(new DemoWorld.Port(web.getPort(), "web shop", false)), 1000))
                    .build();
            try (DeckHarness h = DeckHarness.start(SimulatorOptions.defaults().withWorld(world)
                    .withDemoListeners(false), new TerminalSize(120, 30), sim -> DeckHarness.fast().withChecks(
                            new CheckSettings(CheckOverrides.parse(Map.of(sim.serverId("Shop") + "." + web.getPort(),
                                    "https")), null, null)), PanelSimulator::clientKey, ListeningSnapshot::take)) {
                h.open("Shop");
                h.await("HTTPS 200 OK panel-web");
                h.press('i');
                String details = h.await("Certificate");
                assertTrue(details.matches("(?s).*Certificate CN=portdeck-test,O=portdeck · expires \\d{4}-\\d\\d-\\d\\d"
                        + " \\((29|30) days left\\) · self-signed.*"), details);
                assertTrue(details.contains("Check       https: checks." + h.sim.serverId("Shop") + "." + web.getPort()
                        + " in the config file"), details);
            }
        }
    }
}
