package dev.portdeck.tui.cli;

import dev.portdeck.shared.sim.Flavor;
import java.util.Arrays;
import java.util.Iterator;

/** documented, pterodactyl, pelican: the values of `demo --flavor`, for its completion. */
final class FlavorNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Flavor.values()).map(Flavor::cliName).iterator();
    }
}
