package dev.portdeck.probe.check;

import dev.portdeck.probe.Service;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * FiveM's UDP query on the game port, asked when HTTP gave no valid answer: {@code FF FF FF FF "getinfo <challenge>"},
 * answered with {@code FF FF FF FF "infoResponse\n\key\value…"}. A reply that carries a different challenge is refused.
 */
final class FivemGetinfo implements Conversation {

    static final int MAX_PAIRS = 64;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final byte[] HEADER = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    private final String httpFailure;
    private final String challenge;
    private long sent;

    FivemGetinfo(String httpFailure) {
        this.httpFailure = httpFailure;
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            c.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        this.challenge = c.toString();
    }

    @Override
    public Wire wire() {
        return Wire.UDP;
    }

    @Override
    public Step open(long now) {
        sent = now;
        return new Step.Send(request(challenge));
    }

    @Override
    public void sent(long at) {
        sent = at;
    }

    @Override
    public Step receive(ByteBuffer datagram, long now) {
        try {
            return new Step.Answered(Duration.ofNanos(now - sent), parse(datagram, challenge));
        } catch (BadReply e) {
            return new Step.Failed(httpFailure + "; getinfo: " + e.getMessage());
        }
    }

    @Override
    public Step timeUp(long now) {
        return new Step.Failed(httpFailure + "; getinfo: no reply");
    }

    @Override
    public String portUnreachable() {
        return httpFailure + "; getinfo: the UDP port is closed";
    }

    // ---- the codec ----

    static ByteBuffer request(String challenge) {
        byte[] text = ("getinfo " + challenge).getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(4 + text.length + 1).put(HEADER).put(text).put((byte) 0).flip();
    }

    static Service parse(ByteBuffer datagram, String challenge) throws BadReply {
        ByteBuffer d = datagram.slice();
        if (d.remaining() < 4 || !isHeader(d)) {
            throw new BadReply("not an infoResponse");
        }
        String text = StandardCharsets.UTF_8.decode(d.position(4)).toString();
        if (!text.startsWith("infoResponse")) {
            throw new BadReply("not an infoResponse");
        }
        int nl = text.indexOf('\n');
        Map<String, String> vars = pairs(nl < 0 ? "" : text.substring(nl + 1));
        String echoed = vars.get("challenge");
        if (echoed != null && !echoed.equals(challenge)) {
            throw new BadReply("the reply does not echo our challenge");
        }
        String game = "rdr3".equalsIgnoreCase(vars.getOrDefault("gamename", "")) ? "RedM" : "FiveM";
        return new Service(game, ServiceText.clean(FivemInfo.withoutColours(vars.get("hostname"))), null,
                ServiceText.clean(vars.get("mapname")), ServiceText.number(vars.get("clients")),
                ServiceText.number(vars.get("sv_maxclients")));
    }

    private static boolean isHeader(ByteBuffer d) {
        for (int i = 0; i < 4; i++) {
            if (d.get(i) != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** {@code \key\value\key\value…}, at most {@link #MAX_PAIRS} pairs. */
    static Map<String, String> pairs(String text) {
        String[] f = (text.startsWith("\\") ? text.substring(1) : text).split("\\\\", 2 * MAX_PAIRS + 1);
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i + 1 < f.length && i < 2 * MAX_PAIRS; i += 2) {
            vars.putIfAbsent(f[i], f[i + 1].replace("\0", "").strip());
        }
        return vars;
    }
}
