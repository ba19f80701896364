package dev.portdeck.tui.cli.common;

import dev.portdeck.tui.BuildStamp;
import picocli.CommandLine;

/** `--version` of every command: the version and commit Maven wrote into the jar's manifest. */
public final class PortdeckVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {BuildStamp.current().line()};
    }
}
