package dev.portdeck.probe.check;

import dev.portdeck.probe.Service;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Minecraft's 1.6 ping (also answered by newer servers): {@code FE 01 FA "MC|PingHost" …}, answered with a kick
 * packet {@code FF}, a char count and UTF-16BE text: {@code §1\0proto\0version\0motd\0online\0max}, or before 1.4
 * {@code motd§online§max}. The service's round trip is request to answer. Used when the 1.7+ status got no valid
 * answer; its failure reason keeps the first one.
 */
final class LegacyPing implements Conversation {

    static final int LEGACY_PROTOCOL = 74;
    /** A legacy answer is a few dozen characters; a few thousand is already hostile. */
    static final int MAX_CHARS = 4096;

    private final String host;
    private final int port;
    private final String statusFailure;
    private final Inbox inbox = new Inbox(3 + 2 * MAX_CHARS);
    private long sent;

    LegacyPing(String host, int port, String statusFailure) {
        this.host = host;
        this.port = port;
        this.statusFailure = statusFailure;
    }

    @Override
    public Wire wire() {
        return Wire.TCP;
    }

    @Override
    public Step open(long now) {
        sent = now;
        return new Step.Send(ByteBuffer.wrap(request(host, port)));
    }

    @Override
    public void sent(long at) {
        sent = at;
    }

    @Override
    public Step receive(ByteBuffer bytes, long now) {
        boolean fit = inbox.add(bytes);
        try {
            Service service = parse(inbox.array(), inbox.length());
            if (service == null) {
                return fit ? Step.AWAIT : failed("an answer that is too long");
            }
            return new Step.Answered(Duration.ofNanos(now - sent), service);
        } catch (BadReply e) {
            return failed(e.getMessage());
        }
    }

    @Override
    public Step endOfStream(long now) {
        return failed(inbox.length() == 0 ? "closed without an answer" : "the answer is cut off");
    }

    @Override
    public Step timeUp(long now) {
        return failed(inbox.length() == 0 ? "no answer in time" : "no complete answer in time");
    }

    private Step failed(String why) {
        return new Step.Failed(statusFailure + "; the 1.6 ping: " + why);
    }

    // ---- the codec ----

    static byte[] request(String host, int port) {
        String name = host.length() > MinecraftStatus.MAX_HOST ? host.substring(0, MinecraftStatus.MAX_HOST) : host;
        byte[] channel = "MC|PingHost".getBytes(StandardCharsets.UTF_16BE);
        byte[] hostBytes = name.getBytes(StandardCharsets.UTF_16BE);
        ByteBuffer b = ByteBuffer.allocate(3 + 2 + channel.length + 2 + 1 + 2 + hostBytes.length + 4);
        b.put((byte) 0xFE).put((byte) 0x01).put((byte) 0xFA);
        b.putShort((short) (channel.length / 2)).put(channel);
        b.putShort((short) (1 + 2 + hostBytes.length + 4));
        b.put((byte) LEGACY_PROTOCOL);
        b.putShort((short) name.length()).put(hostBytes);
        b.putInt(port);
        return b.array();
    }

    /** The answer in {@code bytes[0..length)}, or null when more bytes are needed. */
    static Service parse(byte[] bytes, int length) throws BadReply {
        if (length == 0) {
            return null;
        }
        if ((bytes[0] & 0xFF) != 0xFF) {
            throw new BadReply(String.format("not a kick packet (first byte 0x%02X)", bytes[0] & 0xFF));
        }
        if (length < 3) {
            return null;
        }
        int chars = ((bytes[1] & 0xFF) << 8) | (bytes[2] & 0xFF);
        if (chars > MAX_CHARS) {
            throw new BadReply("an answer of " + chars + " characters");
        }
        if (length < 3 + 2 * chars) {
            return null;
        }
        return fields(utf16(bytes, 3, 2 * chars));
    }

    static String utf16(byte[] bytes, int offset, int length) throws BadReply {
        try {
            return StandardCharsets.UTF_16BE.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new BadReply("the answer is not valid UTF-16");
        }
    }

    static Service fields(String text) throws BadReply {
        if (text.startsWith("§1\0")) {
            String[] f = text.split("\0", -1);
            if (f.length < 6) {
                throw new BadReply("an answer with " + f.length + " of 6 fields");
            }
            return new Service("Minecraft", ServiceText.clean(f[3]), ServiceText.clean(f[2]), null,
                    ServiceText.number(f[4]), ServiceText.number(f[5]));
        }
        int max = text.lastIndexOf('§');
        int online = max < 0 ? -1 : text.lastIndexOf('§', max - 1);
        if (online < 0) {
            throw new BadReply("an answer in neither known format");
        }
        return new Service("Minecraft", ServiceText.clean(text.substring(0, online)), null, null,
                ServiceText.number(text.substring(online + 1, max)), ServiceText.number(text.substring(max + 1)));
    }
}
