package dev.portdeck.tui.dashboard;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.time.Duration;

/** The embedded demo panel (the simulator on loopback) and a client for it; nothing leaves this machine. */
public final class DemoPanel implements AutoCloseable {

    /** How long "starting"/"stopping" last in the demo, so the dashboard can show them. */
    public static final Duration POWER_TRANSITION = Duration.ofMillis(1500);

    private final PanelSimulator simulator;
    private final PanelClient client;

    private DemoPanel(PanelSimulator simulator) {
        this.simulator = simulator;
        this.client = new PanelClient(PanelConfig.of(simulator.url(), simulator.clientKey()));
    }

    public static DemoPanel start(Flavor flavor, DemoWorld world) {
        return new DemoPanel(PanelSimulator.start(SimulatorOptions.defaults().withFlavor(flavor).withWorld(world)
                .withPowerTransition(POWER_TRANSITION)));
    }

    public PanelClient client() {
        return client;
    }

    /** What the header says about the demo panel. */
    public static String label(PanelSimulator simulator) {
        return "DEMO panel (built in, " + simulator.flavor().cliName() + " rules)";
    }

    public String label() {
        return label(simulator);
    }

    @Override
    public void close() {
        client.close();
        simulator.close();
    }
}
