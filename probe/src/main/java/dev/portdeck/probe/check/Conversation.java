package dev.portdeck.probe.check;

import dev.portdeck.probe.Check;
import java.nio.ByteBuffer;

/**
 * One check's side of the talk with a service, without sockets: the prober's selector thread connects (or opens a
 * UDP socket), then tells the conversation what happened and does what the returned {@link Step} says. Everything a
 * conversation gets is bounded (its reads are capped, its loops counted), and every method returns at once: they run
 * on the selector thread. Times are {@link System#nanoTime()} values.
 *
 * <p>Not thread-safe; one instance per probe.
 */
public interface Conversation {

    /** How the conversation travels: plain TCP, TLS over TCP, or connected UDP. */
    enum Wire { TCP, TLS, UDP }

    Wire wire();

    /** The connection is up (TCP, after TLS's handshake for TLS), or the UDP socket is ready: usually a Send. */
    Step open(long now);

    /** Bytes arrived (on UDP: one whole datagram). The buffer is only lent: copy what is kept. */
    Step receive(ByteBuffer bytes, long now);

    /**
     * The bytes of the last {@link Step.Send} are being written now ({@code at}, taken just before the write): the
     * start of a round trip, more exact than the {@code now} the step was returned at (which may precede a parse).
     */
    default void sent(long at) {
    }

    /** The server closed the connection (TCP, TLS). Never called for UDP; there it would mean time ran out. */
    default Step endOfStream(long now) {
        return timeUp(now);
    }

    /** The deadline passed: an {@link Step.Answered} if enough came in, else a {@link Step.Failed}. */
    Step timeUp(long now);

    /**
     * An ICMP port unreachable answered the datagram. Null: the port is closed. A reason: the port is not the whole
     * story (an earlier TCP part of the same check connected), and the reason says what failed.
     */
    default String portUnreachable() {
        return null;
    }

    /**
     * The first conversation of {@code check} with {@code host}:{@code port}, or null for {@link Check#TCP} (a bare
     * connect needs none).
     *
     * @param udpPayload what the plain {@link Check#UDP} check sends (may be empty)
     */
    static Conversation first(Check check, String host, int port, byte[] udpPayload) {
        return switch (check) {
            case TCP -> null;
            case UDP -> new UdpDatagram(udpPayload);
            case MINECRAFT -> new MinecraftStatus(host, port);
            case BEDROCK -> new BedrockPing();
            case A2S -> new A2sInfo();
            case FIVEM -> new FivemInfo(host, port);
            case HTTP -> HttpHead.head(host, port, false);
            case HTTPS -> HttpHead.head(host, port, true);
        };
    }

    /** Whether the check reads a JSON reply: its parser must be loaded first, off the selector thread. */
    static boolean readsJson(Check check) {
        return check == Check.MINECRAFT || check == Check.FIVEM;
    }

    /** Loads and warms the JSON parser (Jackson's ObjectMapper: 60 to 250 ms in a cold process); blocks until done. */
    static void prepareJson() {
        JsonReply.prepare();
    }
}
