package dev.portdeck.probe.check;

import dev.portdeck.probe.Service;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Minecraft Bedrock's RakNet "unconnected ping" (id 01: time, magic, client GUID), answered by an unconnected pong
 * (id 1C: the time echoed, the server's GUID, the magic, then {@code MCPE;motd;protocol;version;online;max;guid;
 * level;…}). A pong is believed only when it echoes our time and carries the magic. The round trip is the service's
 * own: RakNet answers from the game process.
 */
final class BedrockPing implements Conversation {

    static final byte[] MAGIC = {0x00, (byte) 0xff, (byte) 0xff, 0x00, (byte) 0xfe, (byte) 0xfe, (byte) 0xfe,
        (byte) 0xfe, (byte) 0xfd, (byte) 0xfd, (byte) 0xfd, (byte) 0xfd, 0x12, 0x34, 0x56, 0x78};
    static final int PING = 0x01;
    static final int PONG = 0x1C;
    private static final long CLIENT_GUID = ThreadLocalRandom.current().nextLong();

    private long time;
    private long sent;

    @Override
    public Wire wire() {
        return Wire.UDP;
    }

    @Override
    public Step open(long now) {
        time = now / 1_000_000; // milliseconds, as RakNet clients send
        sent = now;
        return new Step.Send(request(time, CLIENT_GUID));
    }

    @Override
    public void sent(long at) {
        sent = at;
    }

    @Override
    public Step receive(ByteBuffer bytes, long now) {
        try {
            return new Step.Answered(Duration.ofNanos(now - sent), parse(bytes, time));
        } catch (BadReply e) {
            return new Step.Failed(e.getMessage());
        }
    }

    @Override
    public Step timeUp(long now) {
        return new Step.Failed("no RakNet pong in time");
    }

    // ---- the codec ----

    static ByteBuffer request(long time, long guid) {
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + MAGIC.length + 8);
        b.put((byte) PING).putLong(time).put(MAGIC).putLong(guid);
        return b.flip();
    }

    static Service parse(ByteBuffer datagram, long expectedTime) throws BadReply {
        ByteBuffer d = datagram.slice();
        if (!d.hasRemaining() || (d.get(0) & 0xFF) != PONG) {
            throw new BadReply(d.hasRemaining() ? String.format("not a RakNet pong (id 0x%02X)", d.get(0) & 0xFF)
                    : "an empty datagram");
        }
        if (d.remaining() < 1 + 8 + 8 + MAGIC.length + 2) {
            throw new BadReply("a truncated RakNet pong");
        }
        d.get();
        if (d.getLong() != expectedTime) {
            throw new BadReply("the pong does not echo our time");
        }
        d.getLong(); // the server's GUID
        byte[] magic = new byte[MAGIC.length];
        d.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new BadReply("the pong lacks RakNet's magic");
        }
        int length = d.getShort() & 0xFFFF;
        if (length > d.remaining()) {
            throw new BadReply("a truncated RakNet pong");
        }
        byte[] text = new byte[length];
        d.get(text);
        return advertisement(new String(text, StandardCharsets.UTF_8));
    }

    /** {@code MCPE;motd;protocol;version;online;max;serverGuid;level;gamemode;…}; fields may be missing at the end. */
    static Service advertisement(String text) throws BadReply {
        String[] f = text.split(";", -1);
        if (f.length < 6 || !(f[0].equals("MCPE") || f[0].equals("MCEE"))) {
            throw new BadReply("not a Bedrock server's advertisement");
        }
        String game = f[0].equals("MCEE") ? "Minecraft Education" : "Minecraft Bedrock";
        return new Service(game, ServiceText.clean(f[1]), ServiceText.clean(f[3]),
                f.length > 7 ? ServiceText.clean(f[7]) : null, ServiceText.number(f[4]), ServiceText.number(f[5]));
    }
}
