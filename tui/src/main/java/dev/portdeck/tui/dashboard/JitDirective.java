package dev.portdeck.tui.dashboard;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A dashboard run by plain `java -jar` (no launcher flags) asks its own JVM, a few seconds after the start, to compile
 * with C1 only, as `bin/portdeck`'s `-XX:TieredStopAtLevel=1` does: C2 compiling took 1.2–1.6 % of a core in the first
 * minutes of an idle dashboard, more than all its own threads together. Done through the JVM's DiagnosticCommand MBean
 * (a compiler directive: C2 excludes every method, so the hot ones stay compiled by C1); about 0.12 s of CPU, once.
 * Only where the command line can be read (Linux' /proc) and chooses no compiler itself.
 */
final class JitDirective {

    private static final Logger LOG = Logger.getLogger("portdeck.dashboard");
    private static final Path COMMAND_LINE = Path.of("/proc/self/cmdline");
    static final String C1_ONLY = "[{ match: \"*.*\", c2: { Exclude: true } }]";
    /** Late enough to leave the first frame and its probe results alone. */
    private static final long DELAY_MILLIS = 2000;

    private JitDirective() {
    }

    /** On a thread of its own, after {@link #DELAY_MILLIS}: C2 no more, when this JVM's command line left it on. */
    static void afterStart() {
        List<String> args = commandLine();
        if (args == null || !c2Left(args)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(DELAY_MILLIS);
                apply();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "portdeck-jit");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Whether a JVM started with `args` compiles with C2: tiered compilation left as it comes, no directives given. */
    static boolean c2Left(List<String> args) {
        for (String a : args.subList(Math.min(1, args.size()), args.size())) { // the first is the java command
            if (a.startsWith("-XX:TieredStopAtLevel=") || a.equals("-XX:-TieredCompilation") || a.equals("-Xint")
                    || a.startsWith("-XX:CompilerDirectivesFile") || a.startsWith("-XX:CompileCommand")) {
                return false;
            }
            if (a.equals("-jar") || a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")
                    || !a.startsWith("-")) {
                return true; // what follows is the program's arguments, not the JVM's
            }
        }
        return true;
    }

    /** Tells this JVM to compile no method with C2 from now on; true when it said it took the directive. */
    static boolean apply() {
        Path file = null;
        try {
            file = Files.createTempFile("portdeck-jit", ".json");
            Files.writeString(file, C1_ONLY, StandardCharsets.US_ASCII);
            Object said = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            LOG.fine(() -> "JIT: " + String.valueOf(said).strip());
            return String.valueOf(said).contains("1 compiler directives added");
        } catch (IOException | JMException | RuntimeException e) {
            LOG.log(Level.FINE, "JIT directive not taken; C2 stays on", e);
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "could not delete " + file, e);
                }
            }
        }
    }

    /** This JVM's command line, or null where it cannot be read. */
    private static List<String> commandLine() {
        try {
            return List.of(new String(Files.readAllBytes(COMMAND_LINE), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
