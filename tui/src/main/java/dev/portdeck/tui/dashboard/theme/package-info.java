/** How things look: what a text means ({@link dev.portdeck.tui.dashboard.theme.Tone}), its colour, and the glyphs. */
package dev.portdeck.tui.dashboard.theme;
