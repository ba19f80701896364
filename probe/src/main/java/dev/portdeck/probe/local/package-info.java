/**
 * Is anything listening on this machine? The sockets of {@code /proc/net/{tcp,tcp6,udp,udp6}} (as {@code ss -tulpn}
 * reads them, without running it), their owning processes through {@code /proc/<pid>/fd}, whether an address is this
 * machine's, and the {@link dev.portdeck.probe.local.Diagnosis} that combines all of it with what a probe saw.
 * Entry point: {@link dev.portdeck.probe.local.ListeningSnapshot#take()}.
 */
package dev.portdeck.probe.local;
