package dev.portdeck.tui.dashboard.view;

import dev.portdeck.probe.StatsSnapshot.Sample;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart of latencies over the whole kept history, several rows high: eighth blocks (▁…█) or, with `--ascii`,
 * the ASCII levels. One column per probe, newest on the right; when there are more probes than columns, a column
 * shows the slowest of its group. A failed probe is a failure mark on the bottom row.
 */
final class LatencyChart {

    /** The chart's rows, top first, each exactly `width` glyphs; `max` is the latency of a full column (null: none). */
    record Chart(List<String> rows, Duration max, int failures) {
    }

    private final Glyphs glyphs;

    LatencyChart(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    Chart render(List<Sample> samples, int width, int height) {
        List<Sample> columns = bucket(samples, width);
        long slowest = columns.stream().filter(s -> !s.failed()).mapToLong(s -> s.latency().toNanos()).max()
                .orElse(0);
        long max = Math.max(1, slowest);
        String bars = glyphs.bars();
        int levels = bars.length();
        char full = bars.charAt(levels - 1);
        List<StringBuilder> rows = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            rows.add(new StringBuilder(" ".repeat(width - columns.size())));
        }
        int failures = 0;
        for (Sample s : columns) {
            long units = s.failed() ? 0 : Math.max(1, Math.round((double) s.latency().toNanos() / max * height * levels));
            failures += s.failed() ? 1 : 0;
            for (int r = 0; r < height; r++) { // r = 0 is the bottom row
                StringBuilder row = rows.get(height - 1 - r);
                long filled = Math.max(0, Math.min(levels, units - (long) r * levels));
                if (s.failed() && r == 0) {
                    row.append(glyphs.failed());
                } else {
                    row.append(filled == 0 ? ' ' : filled == levels ? full : bars.charAt((int) filled - 1));
                }
            }
        }
        return new Chart(rows.stream().map(StringBuilder::toString).toList(),
                slowest == 0 ? null : Duration.ofNanos(max), failures);
    }

    /** At most `width` samples: consecutive groups, each the slowest of its group, or failed if any failed. */
    private static List<Sample> bucket(List<Sample> samples, int width) {
        if (samples.size() <= width) {
            return samples;
        }
        List<Sample> out = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            int from = (int) ((long) c * samples.size() / width);
            int to = (int) ((long) (c + 1) * samples.size() / width);
            Sample worst = samples.get(from);
            for (Sample s : samples.subList(from, to)) {
                if (s.failed() || (!worst.failed() && s.latency().compareTo(worst.latency()) > 0)) {
                    worst = s;
                }
            }
            out.add(worst);
        }
        return out;
    }
}
