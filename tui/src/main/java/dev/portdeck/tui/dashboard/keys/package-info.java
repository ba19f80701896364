/** The key table: one {@link dev.portdeck.tui.dashboard.keys.Binding} per key drives dispatch, footer hints and help. */
package dev.portdeck.tui.dashboard.keys;
