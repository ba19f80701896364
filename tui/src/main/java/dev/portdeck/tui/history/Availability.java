package dev.portdeck.tui.history;

import dev.portdeck.probe.local.Diagnosis;
import java.time.Instant;
import java.util.List;

/**
 * What Prometheus remembers of one allocation, over every agent (vantage point) that watches it.
 *
 * @param server     the server's short id
 * @param allocation the allocation's id
 * @param lastDay    share of the last 24 h it was up, 0..1 (averaged over the vantage points), or null without data
 * @param lastWeek   the same over 7 days, or null
 * @param downSince  when it went down, for an allocation down now (the earliest among the vantage points that see it
 *                   down), else null
 * @param upFrom     vantage points that see it up now
 * @param vantages   vantage points that report it at all
 * @param points     each vantage point (its `vantage` label, else the agent's address) and whether it sees it up now
 */
public record Availability(String server, long allocation, Double lastDay, Double lastWeek, Instant downSince,
                           int upFrom, int vantages, List<Diagnosis.Vantage> points) {

    public Availability {
        points = points == null ? List.of() : List.copyOf(points);
    }

    /** Without the vantage points' names. */
    public Availability(String server, long allocation, Double lastDay, Double lastWeek, Instant downSince,
                        int upFrom, int vantages) {
        this(server, allocation, lastDay, lastWeek, downSince, upFrom, vantages, List.of());
    }

    /** "up from 2 of 3 vantage points" when more than one reports; "" with one or none. */
    public String vantageSummary() {
        return vantages > 1 ? "up from " + upFrom + " of " + vantages + " vantage points" : "";
    }
}
