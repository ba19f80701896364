/**
 * Probing from the command line: `probe` (once, or repeated with statistics; a fast path without picocli for the plain
 * sweep) and `agent` (forever, for Prometheus), with the check each target gets and why.
 */
package dev.portdeck.tui.cli.probing;
