package dev.portdeck.tui.dashboard;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;

/** The embedded demo panel (the simulator on loopback) and a client for it; nothing leaves this machine. */
public final class DemoPanel implements AutoCloseable {

    private final PanelSimulator simulator;
    private final PanelClient client;

    private DemoPanel(PanelSimulator simulator) {
        this.simulator = simulator;
        this.client = new PanelClient(PanelConfig.of(simulator.url(), simulator.clientKey()));
    }

    public static DemoPanel start(Flavor flavor, DemoWorld world) {
        return new DemoPanel(PanelSimulator.start(SimulatorOptions.defaults().withFlavor(flavor).withWorld(world)));
    }

    public PanelClient client() {
        return client;
    }

    /** What the header says about this panel. */
    public String label() {
        return "DEMO panel (" + simulator.flavor().cliName() + ", built in)";
    }

    @Override
    public void close() {
        client.close();
        simulator.close();
    }
}
