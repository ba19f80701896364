/**
 * Rows and cells: a {@link dev.portdeck.tui.dashboard.table.TableSource} per table turns the state into cells and
 * comparators; {@link dev.portdeck.tui.dashboard.table.RowTable} keeps filter, sort and selection; a new column is a
 * {@link dev.portdeck.tui.dashboard.table.Column} in a source's list plus its cell and sort key.
 */
package dev.portdeck.tui.dashboard.table;
