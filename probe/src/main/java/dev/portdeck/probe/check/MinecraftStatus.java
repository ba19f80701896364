package dev.portdeck.probe.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.probe.Service;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Minecraft Java's "Server List Ping" (1.7+): handshake (next state 1) and status request in one write, the status
 * JSON, then ping/pong; the service's round trip is ping to pong. A reply that does not follow the protocol, or a
 * connection closed before the status, falls back to the 1.6 ping ({@link LegacyPing}) on a new connection.
 */
final class MinecraftStatus implements Conversation {

    /** What most clients send (GameDig, mcstatus); -1 ("unknown") makes some servers close the connection. */
    static final int PROTOCOL = 47;
    /** The protocol's own limit: a status string of 32767 characters is at most 3 bytes each in UTF-8. */
    static final int MAX_PACKET = 3 * 32767 + 2 * VarInt.MAX_BYTES;
    static final int MAX_HOST = 255;
    private static final int MAX_DESCRIPTION = 4096;

    private final String host;
    private final int port;
    private final Inbox inbox = new Inbox(MAX_PACKET + VarInt.MAX_BYTES);
    private Service status;
    private long pingSent;
    private long pingPayload;

    MinecraftStatus(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public Wire wire() {
        return Wire.TCP;
    }

    @Override
    public Step open(long now) {
        return new Step.Send(ByteBuffer.wrap(request(host, port)));
    }

    @Override
    public void sent(long at) {
        if (status != null) {
            pingSent = at; // the ping; the first write is the handshake
        }
    }

    @Override
    public Step receive(ByteBuffer bytes, long now) {
        boolean fit = inbox.add(bytes);
        try {
            byte[] packet = nextPacket(inbox);
            if (packet == null) {
                return fit ? Step.AWAIT : new Step.Failed("status too large (over " + MAX_PACKET + " bytes)");
            }
            if (status == null) {
                status = parseStatus(packet);
                pingPayload = now;
                pingSent = now;
                return new Step.Send(ByteBuffer.wrap(ping(pingPayload)));
            }
            // The status stands either way; a round trip whose echo does not match is not reported.
            return new Step.Answered(echoes(packet, pingPayload) ? Duration.ofNanos(now - pingSent) : null, status);
        } catch (BadReply e) {
            return status != null ? new Step.Answered(null, status) : fallBack(e.getMessage());
        }
    }

    @Override
    public Step endOfStream(long now) {
        // Some servers close after the status instead of answering the ping.
        return status != null ? new Step.Answered(null, status)
                : fallBack(inbox.length() == 0 ? "closed the connection without a status"
                        : "closed the connection in the middle of the status");
    }

    @Override
    public Step timeUp(long now) {
        if (status != null) {
            return new Step.Answered(null, status);
        }
        return new Step.Failed(inbox.length() == 0 ? "no status reply in time" : "no complete status reply in time");
    }

    private Step fallBack(String why) {
        return new Step.Reconnect(new LegacyPing(host, port, why));
    }

    // ---- the codec ----

    /** Handshake (protocol {@link #PROTOCOL}, the host as typed, the port, next state 1) then the status request. */
    static byte[] request(String host, int port) {
        byte[] name = host.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x00);
        VarInt.write(body, PROTOCOL);
        int length = Math.min(name.length, MAX_HOST);
        VarInt.write(body, length);
        body.write(name, 0, length);
        body.write(port >>> 8);
        body.write(port & 0xFF);
        VarInt.write(body, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VarInt.write(out, body.size());
        out.write(body.toByteArray(), 0, body.size());
        out.write(0x01); // status request: length 1, id 0
        out.write(0x00);
        return out.toByteArray();
    }

    static byte[] ping(long payload) {
        ByteBuffer b = ByteBuffer.allocate(10);
        b.put((byte) 9).put((byte) 0x01).putLong(payload);
        return b.array();
    }

    /** The next whole packet (id and data, without its length) taken from the inbox, or null when it is not all here. */
    static byte[] nextPacket(Inbox inbox) throws BadReply {
        VarInt.Read length = VarInt.read(inbox.array(), 0, inbox.length());
        if (length == null) {
            return null;
        }
        if (length.value() < 1) {
            throw new BadReply("a packet of length " + length.value());
        }
        if (length.value() > MAX_PACKET) {
            throw new BadReply("status too large (" + Integer.toUnsignedString(length.value()) + " bytes)");
        }
        int total = length.size() + length.value();
        if (inbox.length() < total) {
            return null;
        }
        byte[] packet = java.util.Arrays.copyOfRange(inbox.array(), length.size(), total);
        inbox.consume(total);
        return packet;
    }

    /** The status response (id 0: one string of JSON) as a Service. */
    static Service parseStatus(byte[] packet) throws BadReply {
        VarInt.Read id = VarInt.read(packet, 0, packet.length);
        if (id == null || id.value() != 0x00) {
            throw new BadReply("not a status response (packet id " + (id == null ? "cut off" : id.value()) + ")");
        }
        VarInt.Read length = VarInt.read(packet, id.size(), packet.length);
        int start = id.size() + (length == null ? 0 : length.size());
        if (length == null || length.value() < 0 || length.value() > packet.length - start) {
            throw new BadReply("the status string is cut off");
        }
        String json = JsonReply.utf8(packet, start, length.value(), "the status");
        return service(JsonReply.parse(json, "the status"));
    }

    static Service service(JsonNode status) throws BadReply {
        if (!status.isObject()) {
            throw new BadReply("the status is not a JSON object");
        }
        JsonNode players = status.path("players");
        return new Service("Minecraft", ServiceText.clean(ChatText.flatten(status.get("description"), MAX_DESCRIPTION)),
                JsonReply.text(status.path("version").get("name")), null,
                JsonReply.integer(players.get("online")), JsonReply.integer(players.get("max")));
    }

    /** Whether a pong (id 1) echoes our payload. */
    static boolean echoes(byte[] packet, long payload) {
        return packet.length == 9 && packet[0] == 0x01 && ByteBuffer.wrap(packet, 1, 8).getLong() == payload;
    }
}
