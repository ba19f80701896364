/**
 * What the dashboard knows: the servers and allocations as the panel last said, their resources, the probes' statistics,
 * and every call to the panel (run on worker threads, applied on the GUI thread). Knows nothing of Lanterna.
 */
package dev.portdeck.tui.dashboard.state;
