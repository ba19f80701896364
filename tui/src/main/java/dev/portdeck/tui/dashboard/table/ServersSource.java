package dev.portdeck.tui.dashboard.table;

import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.state.Traffic;
import dev.portdeck.tui.dashboard.theme.Tone;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The servers view: one row per server the key can see. */
public final class ServersSource implements TableSource<Server> {

    private static final List<Column> COLUMNS = List.of(
            Column.flexible("NAME", 12, 40, 0),
            Column.fixed("ID", 8, 3),
            Column.flexible("NODE", 8, 14, 4),
            Column.fixed("STATE", 9, 0),
            Column.number("UPTIME", 6, 5),
            Column.number("RX/s", 6, 6),
            Column.number("TX/s", 6, 6),
            Column.number("ALLOCS", 6, 0),
            Column.number("UP", 5, 0));

    private final Deck deck;
    private final Readouts readouts;

    public ServersSource(Deck deck, Readouts readouts) {
        this.deck = deck;
        this.readouts = readouts;
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
        Resources r = deck.resources(s.identifier());
        Traffic t = deck.traffic(s.identifier());
        int used = s.allocations().size();
        int up = deck.reachable(s);
        return List.of(
                Cell.of(s.name()),
                Cell.of(s.identifier(), Tone.DIM),
                Cell.of(s.node()),
                state(s, r),
                Cell.of(r == null ? readouts.uptime(0) : readouts.uptime(r.uptimeMillis())),
                Cell.of(readouts.rate(t.rx())),
                Cell.of(readouts.rate(t.tx())),
                Cell.of(used + "/" + s.allocationLimit(), used >= s.allocationLimit() ? Tone.WARN : Tone.NORMAL),
                Cell.of(up + "/" + used, up == used && used > 0 ? Tone.GOOD : up == 0 ? Tone.BAD : Tone.WARN));
    }

    private Cell state(Server s, Resources r) {
        if (s.suspended()) {
            return Cell.of("suspended", Tone.BAD);
        }
        if (s.status() != null && !s.status().isBlank()) {
            return Cell.of(s.status(), Tone.WARN);
        }
        if (r == null) {
            return Cell.of(readouts.none(), Tone.DIM);
        }
        PowerState p = r.state();
        Tone tone = p == PowerState.RUNNING ? Tone.GOOD : p == PowerState.OFFLINE ? Tone.DIM : Tone.WARN;
        return Cell.of(p.apiName(), tone);
    }

    @Override
    public Comparator<Server> sorter(int column) {
        Comparator<Server> byName = Comparator.comparing(s -> s.name().toLowerCase(Locale.ROOT));
        return switch (column) {
            case 0 -> byName;
            case 1 -> Comparator.comparing(Server::identifier);
            case 2 -> Comparator.comparing(Server::node).thenComparing(byName);
            case 3 -> Comparator.comparing((Server s) -> powerOf(s).ordinal()).thenComparing(byName);
            case 4 -> Comparator.comparingLong((Server s) -> uptimeOf(s)).thenComparing(byName);
            case 7 -> Comparator.comparingInt((Server s) -> s.allocations().size()).thenComparing(byName);
            case 8 -> Comparator.comparingInt(deck::reachable).thenComparing(byName);
            default -> null;
        };
    }

    private PowerState powerOf(Server s) {
        Resources r = deck.resources(s.identifier());
        return r == null ? PowerState.UNKNOWN : r.state();
    }

    private long uptimeOf(Server s) {
        Resources r = deck.resources(s.identifier());
        return r == null ? 0 : r.uptimeMillis();
    }
}
