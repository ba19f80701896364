/**
 * What listens on this machine on each allocation's port: `listening`, `probe --listening`, and its text for the
 * dashboard's LISTEN column.
 */
package dev.portdeck.tui.cli.listening;
