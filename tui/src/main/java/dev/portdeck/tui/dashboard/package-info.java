/**
 * The dashboard (`portdeck` with no subcommand): the entry points ({@link dev.portdeck.tui.dashboard.TerminalDashboard},
 * {@link dev.portdeck.tui.dashboard.Dashboard}), its options and flags, and {@code DeckScreen}, the one component that
 * turns keys into actions and asks the parts below to draw.
 * <ul>
 *   <li>{@code state}: what the dashboard knows about the panel and the probes, and every conversation with the panel.</li>
 *   <li>{@code table}: how that knowledge becomes rows and cells: sources, columns, sort/filter/selection.</li>
 *   <li>{@code view}: how a screen is painted: header, table, detail pane, help, footer.</li>
 *   <li>{@code keys}: the one table of key bindings that drives dispatch, the footer and the help.</li>
 *   <li>{@code dialog}: the windows that change something on the panel (add, notes, primary, remove).</li>
 *   <li>{@code theme}: meanings (tones) to colours, and the glyphs (Unicode or ASCII).</li>
 * </ul>
 */
package dev.portdeck.tui.dashboard;
