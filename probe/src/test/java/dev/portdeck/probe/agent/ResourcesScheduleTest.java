package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResourcesScheduleTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final ResourcesSchedule schedule = new ResourcesSchedule(Duration.ofMinutes(1));

    @Test
    void everyServerIsAskedOnceBeforeAnyIsAskedAgainAndNotBeforeItsMinute() {
        schedule.servers(List.of("a", "b", "c"));
        List<String> asked = new ArrayList<>();
        for (String id = schedule.next(0); id != null; id = schedule.next(0)) {
            asked.add(id);
        }
        assertEquals(3, asked.size());
        assertEquals(List.of("a", "b", "c"), asked.stream().sorted().toList());
        assertNull(schedule.next(MINUTE - 1), "none is due again within its minute");
        assertEquals(asked.get(0), schedule.next(MINUTE), "then round robin, in the same order");
    }

    @Test
    void aRediscoveryPutsNewServersFirstKeepsTheOthersTurnsAndDropsTheGoneOnes() {
        schedule.servers(List.of("a", "b"));
        schedule.next(0);
        schedule.next(0);
        schedule.servers(List.of("b", "c", "a")); // the same ones again, and one new
        assertEquals("c", schedule.next(1), "the new one is asked at once");
        assertNull(schedule.next(2), "the known ones wait for their minute");
        schedule.servers(List.of("c"));
        assertNull(schedule.next(MINUTE), "a and b left the panel; c was asked at 1");
        assertEquals("c", schedule.next(MINUTE + 1));
    }

    @Test
    void aLargePanelRediscoveredAgainAndAgainKeepsEachServerOnce() {
        List<String> ids = IntStream.range(0, 2_500).mapToObj(i -> "s" + i).toList();
        for (int i = 0; i < 3; i++) {
            schedule.servers(ids);
        }
        int asked = 0;
        while (schedule.next(0) != null) {
            asked++;
        }
        assertEquals(2_500, asked);
    }
}
