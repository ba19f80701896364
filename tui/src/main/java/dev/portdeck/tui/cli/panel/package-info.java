/** The commands that read and change the panel: `servers`, `alloc list|add|primary|notes|rm`, `power`, `login`. */
package dev.portdeck.tui.cli.panel;
