package dev.portdeck.probe.check;

import dev.portdeck.probe.Service;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Source engine A2S_INFO over UDP (little-endian): {@code FF FF FF FF 54 "Source Engine Query\0"}. A server may
 * answer with a challenge ({@code 41} + int32) first: the request is sent again with those 4 bytes appended, at most
 * {@link #MAX_CHALLENGES} times. The reply ({@code 49}) may come split ({@link SplitReply}). The service's round trip is
 * the last request (the one with the challenge, if any) to the reply. Texts are UTF-8; invalid bytes show as U+FFFD.
 */
final class A2sInfo implements Conversation {

    static final int MAX_CHALLENGES = 3;
    static final int MAX_DATAGRAMS = 64;
    static final int SIMPLE = -1;
    static final byte CHALLENGE = 0x41;
    static final byte INFO = 0x49;
    static final byte GOLDSRC_INFO = 0x6D;
    static final int RUST_APP_ID = 252490;
    private static final byte[] QUERY = "Source Engine Query\0".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern RUST_COUNT = Pattern.compile("(?:^|,)(cp|mp)(\\d{1,6})(?=,|$)");

    private final SplitReply split = new SplitReply();
    private long sent;
    private int challenges;
    private int datagrams;
    private boolean goldSrc;

    @Override
    public Wire wire() {
        return Wire.UDP;
    }

    @Override
    public Step open(long now) {
        sent = now;
        return new Step.Send(request(null));
    }

    @Override
    public void sent(long at) {
        sent = at;
    }

    @Override
    public Step receive(ByteBuffer datagram, long now) {
        if (++datagrams > MAX_DATAGRAMS) {
            return new Step.Failed("more than " + MAX_DATAGRAMS + " datagrams without a whole reply");
        }
        try {
            ByteBuffer d = datagram.slice().order(ByteOrder.LITTLE_ENDIAN);
            if (d.remaining() >= 4 && d.getInt(0) == SplitReply.HEADER) {
                byte[] whole = split.add(d);
                if (whole == null) {
                    return Step.AWAIT;
                }
                d = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN);
            }
            if (d.remaining() < 5 || d.getInt(0) != SIMPLE) {
                throw new BadReply("not an A2S reply");
            }
            byte type = d.get(4);
            if (type == CHALLENGE) {
                if (++challenges > MAX_CHALLENGES) {
                    return new Step.Failed("the server kept sending challenges (" + challenges + ")");
                }
                if (d.remaining() < 9) {
                    throw new BadReply("a truncated challenge");
                }
                byte[] challenge = new byte[4];
                d.position(5);
                d.get(challenge);
                sent = now;
                return new Step.Send(request(challenge));
            }
            if (type == INFO) {
                d.position(5);
                return new Step.Answered(Duration.ofNanos(now - sent), parseInfo(d));
            }
            if (type == GOLDSRC_INFO) {
                goldSrc = true; // old HLDS send this first, and the Source reply after it
                return Step.AWAIT;
            }
            throw new BadReply(String.format("not an A2S_INFO reply (type 0x%02X)", type & 0xFF));
        } catch (BadReply e) {
            return new Step.Failed(e.getMessage());
        }
    }

    @Override
    public Step timeUp(long now) {
        if (goldSrc) {
            return new Step.Failed("only the obsolete GoldSrc reply came (not supported)");
        }
        return new Step.Failed(challenges > 0 ? "no A2S_INFO reply after the challenge" : "no A2S_INFO reply in time");
    }

    // ---- the codec ----

    static ByteBuffer request(byte[] challenge) {
        ByteBuffer b = ByteBuffer.allocate(5 + QUERY.length + (challenge == null ? 0 : 4));
        b.putInt(SIMPLE).put((byte) 0x54).put(QUERY);
        if (challenge != null) {
            b.put(challenge);
        }
        return b.flip();
    }

    /** The A2S_INFO fields after the type byte. */
    static Service parseInfo(ByteBuffer d) throws BadReply {
        d.order(ByteOrder.LITTLE_ENDIAN);
        need(d, 1);
        d.get(); // protocol
        String name = string(d);
        String map = string(d);
        string(d); // folder
        String game = string(d);
        need(d, 2 + 7);
        int appId = d.getShort() & 0xFFFF;
        int players = d.get() & 0xFF;
        int max = d.get() & 0xFF;
        d.position(d.position() + 5); // bots, server type, environment, visibility, VAC
        String version = string(d);
        String keywords = null;
        if (d.hasRemaining()) {
            int edf = d.get() & 0xFF;
            skip(d, (edf & 0x80) != 0 ? 2 : 0); // game port
            skip(d, (edf & 0x10) != 0 ? 8 : 0); // SteamID
            if ((edf & 0x40) != 0) {
                skip(d, 2); // SourceTV port and name
                string(d);
            }
            if ((edf & 0x20) != 0) {
                keywords = string(d);
            }
            if ((edf & 0x01) != 0) {
                need(d, 8);
                appId = (int) (d.getLong() & 0xFFFFFF); // the full app id, where the short one overflows (Rust)
            }
        }
        Service service = new Service(ServiceText.clean(game), ServiceText.clean(name), ServiceText.clean(version),
                ServiceText.clean(map), players, max);
        return appId == RUST_APP_ID && keywords != null ? withRustCounts(service, keywords) : service;
    }

    /** Rust reports its real counts in the keywords: {@code cp} players, {@code mp} slots. */
    static Service withRustCounts(Service s, String keywords) {
        Integer players = s.players();
        Integer max = s.maxPlayers();
        Matcher m = RUST_COUNT.matcher(keywords);
        while (m.find()) {
            int value = Integer.parseInt(m.group(2));
            if (m.group(1).equals("cp")) {
                players = value;
            } else {
                max = value;
            }
        }
        return new Service(s.game(), s.name(), s.version(), s.map(), players, max);
    }

    private static String string(ByteBuffer d) throws BadReply {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (d.hasRemaining()) {
            byte b = d.get();
            if (b == 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.write(b);
        }
        throw new BadReply("a truncated A2S_INFO reply");
    }

    private static void need(ByteBuffer d, int n) throws BadReply {
        if (d.remaining() < n) {
            throw new BadReply("a truncated A2S_INFO reply");
        }
    }

    private static void skip(ByteBuffer d, int n) throws BadReply {
        need(d, n);
        d.position(d.position() + n);
    }
}
