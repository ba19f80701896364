package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-flight cap comes from this process's real open-files limit and the descriptors it really holds. */
class DescriptorBudgetTest {

    private static final UnixOperatingSystemMXBean OS =
            (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void theLimitIsTheSoftLimitTheJvmReports() {
        assertEquals(OS.getMaxFileDescriptorCount(), DescriptorBudget.openFilesLimit());
    }

    @Test
    void openDescriptorsAreCountedAndGrowWithEachSocket() throws Exception {
        long before = DescriptorBudget.openNow();
        assertTrue(Math.abs(before - OS.getOpenFileDescriptorCount()) <= 2,
                before + " open, the JVM says " + OS.getOpenFileDescriptorCount());
        List<SocketChannel> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                sockets.add(SocketChannel.open());
            }
            long grown = DescriptorBudget.openNow() - before;
            assertTrue(grown >= 18 && grown <= 22, "20 sockets more, counted " + grown); // other threads may open one
        } finally {
            for (SocketChannel s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void theCapLeavesHeadroomBelowTheLimitAndNeverPassesTheCeiling() {
        long limit = DescriptorBudget.openFilesLimit();
        int cap = DescriptorBudget.defaultMaxInFlight();
        assertTrue(cap >= 8 && cap <= DescriptorBudget.CEILING, "cap " + cap);
        assertTrue(cap == 8 || cap <= limit - DescriptorBudget.openNow() - Math.max(64, limit / 10) + 2,
                "cap " + cap + " for a limit of " + limit);
    }
}
