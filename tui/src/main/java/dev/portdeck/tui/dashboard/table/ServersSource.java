package dev.portdeck.tui.dashboard.table;

import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.state.Traffic;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Tone;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The servers view: one row per server the key can see. */
public final class ServersSource implements TableSource<Server> {

    private static final List<Column> COLUMNS = List.of(
            Column.flexible("NAME", 12, 40, 0),
            Column.fixed("ID", 8, 3),
            Column.flexible("NODE", 6, 14, 4),
            Column.flexible("STATE", 9, 16, 0),
            Column.number("UPTIME", 6, 5),
            Column.number("RX/s", 6, 6),
            Column.number("TX/s", 6, 6),
            Column.number("ALLOCS", 6, 0),
            Column.number("UP", 5, 0));

    private final Deck deck;
    private final Readouts readouts;
    private final Glyphs glyphs;

    public ServersSource(Deck deck, Glyphs glyphs) {
        this.deck = deck;
        this.glyphs = glyphs;
        this.readouts = new Readouts(glyphs);
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Server> rows() {
        return deck.servers();
    }

    @Override
    public String key(Server row) {
        return row.identifier();
    }

    @Override
    public List<Cell> cells(Server s, Instant now) {
        Traffic t = deck.traffic(s.identifier());
        return List.of(
                Cell.of(s.name()),
                Cell.of(s.identifier(), Tone.DIM),
                Cell.of(s.node()),
                state(s),
                Cell.of(readouts.uptime(deck.uptimeMillis(s.identifier()))),
                Cell.of(readouts.rate(t.rx())),
                Cell.of(readouts.rate(t.tx())),
                allocations(s),
                reachable(s));
    }

    private Cell allocations(Server s) {
        String id = s.identifier();
        if (deck.allocationProblem(id) != null) {
            return Cell.of("?/" + s.allocationLimit(), Tone.BAD);
        }
        if (deck.allocationsPending(id)) {
            return Cell.of(glyphs.ellipsis() + "/" + s.allocationLimit(), Tone.DIM);
        }
        int used = s.allocations().size();
        return Cell.of(used + "/" + s.allocationLimit(), used >= s.allocationLimit() ? Tone.WARN : Tone.NORMAL);
    }

    /** Answered of all; green when every one is as it should be (ports closed by design count as fine). */
    private Cell reachable(Server s) {
        int used = s.allocations().size();
        if (used == 0 && (deck.allocationProblem(s.identifier()) != null || deck.allocationsPending(s.identifier()))) {
            return Cell.of(glyphs.none(), Tone.DIM);
        }
        int up = deck.reachable(s);
        int fine = up + deck.closedAsExpected(s);
        return Cell.of(up + "/" + used, fine == used && used > 0 ? Tone.GOOD : fine == 0 ? Tone.BAD : Tone.WARN);
    }

    /**
     * What keeps the panel from changing the server ({@link Server#blockedBy()}: suspended, node under maintenance,
     * installing, restoring a backup, transferring), else the panel's other status words, else the power; "node
     * unreachable" when the panel cannot reach the node's daemon (Wings) to say it.
     */
    private Cell state(Server s) {
        String blocked = s.blockedBy();
        if (blocked != null) {
            String word = switch (blocked) {
                case "node under maintenance" -> "maintenance";
                case "restoring a backup" -> "restoring";
                default -> blocked;
            };
            return Cell.of(word, blocked.equals("suspended") ? Tone.BAD : Tone.WARN);
        }
        if (s.status() != null && !s.status().isBlank()) {
            return Cell.of(statusWord(s.status()), Tone.WARN);
        }
        if (deck.nodeProblem(s.identifier()) != null) {
            return Cell.of("wings down", Tone.BAD);
        }
        PowerState p = deck.power(s.identifier());
        if (p == null) {
            return Cell.of(readouts.none(), Tone.DIM);
        }
        Tone tone = p == PowerState.RUNNING ? Tone.GOOD : p == PowerState.OFFLINE ? Tone.DIM : Tone.WARN;
        return Cell.of(p.apiName(), tone);
    }

    /** "restoring_backup" reads "restoring backup". */
    public static String statusWord(String status) {
        return status.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    @Override
    public Comparator<Server> sorter(int column) {
        Comparator<Server> byName = Comparator.comparing(Server::name, NaturalOrder.INSTANCE)
                .thenComparing(Server::identifier);
        return switch (column) {
            case 0 -> byName;
            case 1 -> Comparator.comparing(Server::identifier);
            case 2 -> Comparator.comparing(Server::node, NaturalOrder.INSTANCE).thenComparing(byName);
            case 3 -> Comparator.comparing((Server s) -> state(s).text()).thenComparing(byName);
            case 4 -> Comparator.comparingLong((Server s) -> deck.uptimeMillis(s.identifier())).thenComparing(byName);
            case 5 -> byRate(Traffic::rx, byName);
            case 6 -> byRate(Traffic::tx, byName);
            case 7 -> Comparator.comparingInt((Server s) -> s.allocations().size()).thenComparing(byName);
            case 8 -> Comparator.comparingInt(deck::reachable).thenComparing(byName);
            default -> null;
        };
    }

    /** Unknown rates (fewer than two samples) sort below every known one. */
    private Comparator<Server> byRate(Function<Traffic, Double> rate, Comparator<Server> then) {
        return Comparator.comparingDouble((Server s) -> {
            Double r = rate.apply(deck.traffic(s.identifier()));
            return r == null ? -1 : r;
        }).thenComparing(then);
    }
}
