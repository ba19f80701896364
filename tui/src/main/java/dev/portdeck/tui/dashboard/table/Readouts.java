package dev.portdeck.tui.dashboard.table;

import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/** Numbers as the table shows them: short, fixed units, "—" when unknown. */
public final class Readouts {

    private final Glyphs glyphs;

    public Readouts(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    /** A value that is not known yet. */
    public String none() {
        return glyphs.none();
    }

    /** Milliseconds with one decimal below 100 ms ("0.4", "12.3", "140"). */
    public String millis(Duration d) {
        if (d == null) {
            return glyphs.none();
        }
        double ms = d.toNanos() / 1_000_000.0;
        if (ms < 0.05) {
            return "<0.1";
        }
        return ms < 100 ? decimals(ms, 1) : decimals(ms, 0);
    }

    /** A share of time up, 0..1: "100%", "99.9%" (never rounded up to 100), "0%". */
    public String percent(double share) {
        if (share >= 1.0) {
            return "100%";
        }
        if (share <= 0.0) {
            return "0%";
        }
        return String.format(Locale.ROOT, "%.1f%%", Math.floor(share * 1000) / 10);
    }

    public String loss(double percent, int sent) {
        return sent == 0 ? glyphs.none() : String.format(Locale.ROOT, "%.0f%%", percent);
    }

    /** Bytes per second as "512B", "1.2K", "3.4M" (per second is in the column title). */
    public String rate(Double bytesPerSecond) {
        if (bytesPerSecond == null) {
            return glyphs.none();
        }
        double v = bytesPerSecond;
        String[] units = {"B", "K", "M", "G"};
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (u == 0 || v >= 10 ? decimals(v, 0) : decimals(v, 1)) + units[u];
    }

    /**
     * `v` (finite, not negative) with `places` decimals, as {@code String.format(Locale.ROOT, "%.Nf", v)} writes it
     * (half up, from the shortest decimal of the double), without the Formatter: a redraw makes dozens of these.
     */
    static String decimals(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    /** "45s", "12m", "5h12m", "3d4h"; "—" when the panel does not report it. */
    public String uptime(long millis) {
        if (millis <= 0) {
            return glyphs.none();
        }
        long s = millis / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86_400) {
            return s / 3600 + "h" + (s % 3600) / 60 + "m";
        }
        return s / 86_400 + "d" + (s % 86_400) / 3600 + "h";
    }

    /** "3s ago", "2m ago", "1h ago". */
    public String ago(Duration d) {
        if (d == null) {
            return glyphs.none();
        }
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s ago";
        }
        if (s < 3600) {
            return s / 60 + "m ago";
        }
        return s / 3600 + "h ago";
    }

    /** A length of time: "45s", "8m15s", "5h12m", "3d4h". */
    public String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
        }
        return uptime(s * 1000);
    }
}
