package dev.portdeck.tui.dashboard.table;

import dev.portdeck.probe.StatsSnapshot.Sample;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.util.List;

/** Recent latencies as one character each, scaled to the slowest shown; failed probes get their own mark. */
final class Sparkline {

    private final Glyphs glyphs;

    Sparkline(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    /** The newest `width` samples, right-aligned so the newest is always at the end. */
    String render(List<Sample> samples, int width) {
        if (width <= 0) {
            return "";
        }
        List<Sample> shown = samples.subList(Math.max(0, samples.size() - width), samples.size());
        long max = shown.stream().filter(s -> !s.failed()).mapToLong(s -> s.latency().toNanos()).max().orElse(1);
        String bars = glyphs.bars();
        StringBuilder out = new StringBuilder(" ".repeat(width - shown.size()));
        for (Sample s : shown) {
            if (s.failed()) {
                out.append(glyphs.failed());
            } else {
                int level = (int) Math.round((bars.length() - 1) * (double) s.latency().toNanos() / Math.max(1, max));
                out.append(bars.charAt(Math.max(0, Math.min(bars.length() - 1, level))));
            }
        }
        return out.toString();
    }
}
