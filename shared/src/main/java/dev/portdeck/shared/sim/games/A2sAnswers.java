package dev.portdeck.shared.sim.games;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Source server's answers (little-endian, behind the FF FF FF FF header): A2S_INFO ('T' → 'I', optionally only
 * after the 'A' challenge), A2S_PLAYER ('U' → 'A' challenge, then 'D'), and the split-packet format (FE FF FF FF).
 */
final class A2sAnswers {

    private static final byte[] INFO_QUERY = "Source Engine Query\0".getBytes(StandardCharsets.US_ASCII);
    /** The payload size a split header announces; Source's default. */
    private static final short SPLIT_SIZE = 1248;
    private static final int SPLIT_PARTS = 3;

    private final Game.Source game;
    private final int challenge = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    private final AtomicInteger splitIds = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 1 << 20));
    /** The port the EDF names. */
    private final int port;

    A2sAnswers(Game.Source game, int port) {
        this.game = game;
        this.port = port;
    }

    List<byte[]> answer(ByteBuffer in) {
        in.order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 5 || in.getInt() != -1) {
            return List.of();
        }
        byte type = in.get();
        if (type == 'T') {
            return info(in);
        }
        if (type == 'U' && in.remaining() >= 4) {
            return in.getInt() == challenge ? List.of(players()) : List.of(challengeReply());
        }
        return List.of();
    }

    private List<byte[]> info(ByteBuffer in) {
        if (in.remaining() < INFO_QUERY.length) {
            return List.of();
        }
        byte[] query = new byte[INFO_QUERY.length];
        in.get(query);
        if (!java.util.Arrays.equals(query, INFO_QUERY)) {
            return List.of();
        }
        boolean answered = in.remaining() >= 4 && in.getInt() == challenge;
        if (game.requireChallenge() && !answered) {
            return List.of(challengeReply());
        }
        byte[] reply = infoReply();
        return game.splitReply() ? split(reply) : List.of(reply);
    }

    private byte[] challengeReply() {
        return ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).put((byte) 'A').putInt(challenge)
                .array();
    }

    private byte[] infoReply() {
        Packet p = new Packet().header('I').u8(17)
                .string(game.name()).string(game.map()).string(game.folder()).string(game.game())
                .u16(game.appId()).u8(game.players()).u8(game.maxPlayers()).u8(game.bots())
                .u8('d').u8('l').u8(0).u8(1).string(game.version());
        int edf = 0x80 | 0x01 | (game.keywords() == null ? 0 : 0x20);
        p.u8(edf).u16(port);
        if (game.keywords() != null) {
            p.string(game.keywords());
        }
        return p.u64(game.appId()).bytes();
    }

    private byte[] players() {
        int shown = Math.min(game.players(), 64);
        Packet p = new Packet().header('D').u8(shown);
        for (int i = 0; i < shown; i++) {
            p.u8(i).string("Player" + (i + 1)).u32(10 * i).f32(60f * (i + 1));
        }
        return p.bytes();
    }

    /** The reply cut into parts: FE FF FF FF, id, total, number, size, then the part. */
    private List<byte[]> split(byte[] whole) {
        int id = splitIds.incrementAndGet() & 0x7FFFFFFF; // top bit clear: not bzip2-compressed
        int partSize = (whole.length + SPLIT_PARTS - 1) / SPLIT_PARTS;
        List<byte[]> parts = new ArrayList<>();
        for (int n = 0, from = 0; from < whole.length; n++, from += partSize) {
            int length = Math.min(partSize, whole.length - from);
            ByteBuffer part = ByteBuffer.allocate(12 + length).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(-2).putInt(id).put((byte) SPLIT_PARTS).put((byte) n).putShort(SPLIT_SIZE)
                    .put(whole, from, length);
            parts.add(part.array());
        }
        return parts;
    }

    /** A little-endian packet being written. */
    private static final class Packet {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Packet header(char type) {
            return u32(-1).u8(type);
        }

        Packet u8(int v) {
            out.write(v);
            return this;
        }

        Packet u16(int v) {
            out.write(v & 0xFF);
            out.write((v >>> 8) & 0xFF);
            return this;
        }

        Packet u32(int v) {
            return u16(v & 0xFFFF).u16(v >>> 16);
        }

        Packet u64(long v) {
            return u32((int) v).u32((int) (v >>> 32));
        }

        Packet f32(float v) {
            return u32(Float.floatToIntBits(v));
        }

        Packet string(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
