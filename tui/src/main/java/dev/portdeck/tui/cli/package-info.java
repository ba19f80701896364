/**
 * The `portdeck` command: its root (the dashboard when no command is given, the list of subcommands), `demo`, and
 * shell completion. The sub-packages hold the other commands; they point at {@code common} and {@code output}, never
 * back here, and the root is the only place that knows them all.
 */
package dev.portdeck.tui.cli;
