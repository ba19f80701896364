package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Plain `java -jar` runs of the dashboard turn C2 off in their own JVM; the launcher's runs are left as they are. */
class JitDirectiveTest {

    @Test
    void onlyAJvmStartedWithoutAChoiceOfCompilerIsAsked() {
        assertTrue(JitDirective.c2Left(List.of("java", "-jar", "portdeck.jar", "demo")));
        assertTrue(JitDirective.c2Left(List.of("java", "-Xmx256m", "-jar", "portdeck.jar", "-XX:TieredStopAtLevel=1")),
                "a program argument is not a JVM flag");
        assertFalse(JitDirective.c2Left(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "p.jar")),
                "bin/portdeck's flags");
        assertFalse(JitDirective.c2Left(List.of("java", "-XX:-TieredCompilation", "-jar", "p.jar")),
                "C2 alone: excluding it would leave everything interpreted");
        assertFalse(JitDirective.c2Left(List.of("java", "-Xint", "-jar", "p.jar")));
        assertFalse(JitDirective.c2Left(List.of("java", "-XX:CompileCommand=exclude,a.B::c", "-jar", "p.jar")),
                "the user's own compiler commands win");
    }

    @Test
    void afterTheDirectiveAHotMethodIsCompiledByC1AndNeverByC2() throws Exception {
        assertEquals(4, highestLevel("control"), "without the directive, C2 compiles the hot method (level 4)");
        int level = highestLevel("directive");
        assertTrue(level >= 1 && level <= 3, "with it, C1 only (levels 1-3): " + level);
    }

    /** The highest compilation level of a hot method in a JVM of its own, with or without the directive. */
    private static int highestLevel(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HotMethod.class.getName(), mode).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        return Integer.parseInt(out.substring(out.lastIndexOf('\n') + 1).strip());
    }

    /** Runs one method hot for a while and prints the highest level the JVM compiled it at. */
    static final class HotMethod {
        private static long sink;

        public static void main(String[] args) throws Exception {
            if (args[0].equals("directive") && !JitDirective.apply()) {
                throw new IllegalStateException("the directive was not taken");
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            int level = 0;
            while (System.nanoTime() < end && level < 4) {
                for (int i = 0; i < 100_000; i++) {
                    sink += spin(i);
                }
                level = level();
                Thread.sleep(20);
            }
            System.out.println(level);
        }

        static long spin(int i) {
            return (i * 31L) ^ (i >>> 3);
        }

        private static int level() throws Exception {
            Object list = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist", null, null);
            int level = 0;
            for (String line : String.valueOf(list).split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (line.contains("JitDirectiveTest$HotMethod.spin(") && f.length > 3 && f[2].equals("0")) {
                    level = Math.max(level, Integer.parseInt(f[1]));
                }
            }
            return level;
        }
    }
}
