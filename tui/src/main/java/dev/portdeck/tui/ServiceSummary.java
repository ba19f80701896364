package dev.portdeck.tui;

import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.Service;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a service said about itself, in a few words, for a table cell: `probe`'s SERVICE column and the dashboard's. */
public final class ServiceSummary {

    private ServiceSummary() {
    }

    /** "MC 1.20.4 3/20", "CS2 de_dust2 12/24", "HTTP 200 OK nginx"; "" when the outcome carries no service. */
    public static String of(Outcome outcome) {
        return of(outcome instanceof Outcome.Open open ? open.service() : null);
    }

    /** The same for a service, "" for null. */
    public static String of(Service s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(shortGame(s.game()));
        // a game: its map, else its version; a web server: its status line and Server header
        List<String> details = s.players() == null ? Arrays.asList(s.name(), s.version())
                : List.of(s.map() != null ? s.map() : s.version() != null ? s.version() : "");
        for (String detail : details) {
            if (detail != null && !detail.isBlank()) {
                b.append(b.length() == 0 ? "" : " ").append(detail.length() > 24 ? detail.substring(0, 23) + "…" : detail);
            }
        }
        if (s.players() != null) {
            b.append(' ').append(s.players()).append('/').append(s.maxPlayers() == null ? "?" : s.maxPlayers());
        }
        return b.toString().strip();
    }

    private static String shortGame(String game) {
        if (game == null) {
            return "";
        }
        String g = game.toLowerCase(Locale.ROOT);
        if (g.contains("bedrock")) {
            return "MCBE";
        }
        if (g.contains("minecraft")) {
            return "MC";
        }
        if (g.equals("counter-strike 2")) {
            return "CS2";
        }
        return game.length() > 16 ? game.substring(0, 15) + "…" : game;
    }
}
