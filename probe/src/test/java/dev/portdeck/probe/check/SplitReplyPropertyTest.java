package dev.portdeck.probe.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SplitReplyPropertyTest {

    @Property
    void partsInAnyOrderWithRepeatsReassembleToTheReply(@ForAll @Size(min = 1, max = 20_000) byte[] reply,
            @ForAll @IntRange(min = 700, max = 1400) int size, @ForAll long seed, @ForAll int replyId) throws BadReply {
        ByteBuffer[] parts = SplitReply.split(reply, replyId & 0x7FFFFFFF, size);
        List<ByteBuffer> arrival = new ArrayList<>(List.of(parts));
        Random random = new Random(seed);
        for (int i = 0; i < parts.length / 2; i++) {
            arrival.add(parts[random.nextInt(parts.length)].duplicate()); // a repeat
        }
        Collections.shuffle(arrival, random);
        SplitReply split = new SplitReply();
        byte[] whole = null;
        for (ByteBuffer part : arrival) {
            byte[] done = split.add(part.duplicate());
            if (done != null) {
                whole = done;
                break;
            }
        }
        assertArrayEquals(reply, whole);
    }

    @Property
    void aPartOfAnotherReplyDoesNotMixIn(@ForAll @Size(min = 2000, max = 5000) byte[] reply) throws BadReply {
        ByteBuffer[] mine = SplitReply.split(reply, 1, 1000);
        ByteBuffer[] other = SplitReply.split(new byte[reply.length], 2, 1000);
        SplitReply split = new SplitReply();
        assertNull(split.add(mine[0]));
        for (ByteBuffer o : other) {
            assertNull(split.add(o));
        }
        byte[] whole = null;
        for (int i = 1; i < mine.length; i++) {
            whole = split.add(mine[i]);
        }
        assertArrayEquals(reply, whole);
    }
}
