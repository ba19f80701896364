package dev.portdeck.tui.dashboard;

import dev.portdeck.tui.dashboard.theme.Tone;
import java.time.Duration;
import java.time.Instant;

/** The status line's news: what just happened, kept for a while (warnings longer), then gone. */
final class News {

    private static final Duration NEWS_LASTS = Duration.ofSeconds(10);
    private static final Duration WARNING_LASTS = Duration.ofSeconds(30);
    private String text = "";
    private Tone tone = Tone.NORMAL;
    private Instant until = Instant.MAX;

    void say(String sentence, Tone how, Instant now) {
        text = sentence == null ? "" : sentence;
        tone = how;
        until = now.plus(how == Tone.BAD || how == Tone.WARN ? WARNING_LASTS : NEWS_LASTS);
    }

    String text() {
        return text;
    }

    Tone tone() {
        return tone;
    }

    /** Drops news past its time; true when that changed what shows. */
    boolean expire(Instant now) {
        if (!text.isEmpty() && now.isAfter(until)) {
            text = "";
            return true;
        }
        return false;
    }
}
