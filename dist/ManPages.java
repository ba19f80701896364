import dev.portdeck.tui.cli.PortdeckCommand;
import java.io.File;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes one AsciiDoc man page per command into the directory given, from the full picocli model the command line
 * itself builds (PortdeckCommand adds its subcommands there, not in its annotation, so the generator's own main, which
 * reads the annotated class, would see the root command alone). Run at build time as a single-file program.
 */
public final class ManPages {
    public static void main(String[] args) throws Exception {
        var spec = PortdeckCommand.commandLine().getCommandSpec();
        System.exit(ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[1], false, spec));
    }
}
