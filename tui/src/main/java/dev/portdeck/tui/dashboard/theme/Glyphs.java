package dev.portdeck.tui.dashboard.theme;

/**
 * The characters the dashboard draws with: Unicode by default, plain ASCII for terminals without those glyphs
 * (`--ascii`, like htop's `-U`).
 *
 * @param bars     sparkline levels, lowest first
 * @param failed   a failed probe in a sparkline
 * @param open     state mark of a target that answers
 * @param down     state mark of a target that does not
 * @param pending  state mark before the first probe
 * @param expected state mark of a port closed by design (expect_closed), and closed
 * @param primary  the primary allocation's mark
 * @param up       ascending sort mark
 * @param downward descending sort mark
 * @param ellipsis marks text cut to fit
 * @param none     a value that is not known yet
 * @param dot      separates parts of a line
 * @param into     leads from a server to its allocations in the header
 */
public record Glyphs(String bars, char failed, char open, char down, char pending, char expected, char primary,
        char up, char downward, String ellipsis, String none, String dot, String into) {

    public static final Glyphs UNICODE =
            new Glyphs("▁▂▃▄▅▆▇█", '×', '●', '✕', '·', '○', '★', '▲', '▼', "…", "—", " · ", " › ");
    public static final Glyphs ASCII =
            new Glyphs("_.-=+*#%", 'x', '+', 'x', '.', 'o', '*', '^', 'v', "~", "-", " | ", " > ");

    public static Glyphs of(boolean ascii) {
        return ascii ? ASCII : UNICODE;
    }

    /** `text` as these glyphs draw it: in ASCII, the engine's arrows and ellipses ("egg Paper → …") become "->", "~". */
    public String plain(String text) {
        if (this != ASCII || text == null) {
            return text;
        }
        return text.replace("→", "->").replace("…", ellipsis).replace("·", "|");
    }
}
