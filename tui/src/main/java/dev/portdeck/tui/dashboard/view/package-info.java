/** Painting: bars, tables, the lines around them, the help page; one class per part of the screen. */
package dev.portdeck.tui.dashboard.view;
