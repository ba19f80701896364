/** How commands print: aligned text tables, the --json documents, timestamps. Depends on no other cli package. */
package dev.portdeck.tui.cli.output;
