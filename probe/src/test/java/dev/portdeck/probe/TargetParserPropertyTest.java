package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TargetParserPropertyTest {

    @Property(tries = 200)
    void aRangeExpandsToEveryPortInIt(@ForAll @IntRange(min = 1, max = 65535) int a,
            @ForAll @IntRange(min = 0, max = 300) int width) {
        int to = Math.min(65535, a + width);
        List<Target> targets = TargetParser.parse("10.0.0.1:" + a + "-" + to);
        assertEquals(to - a + 1, targets.size());
        for (int i = 0; i < targets.size(); i++) {
            assertEquals(a + i, targets.get(i).port());
            assertEquals("10.0.0.1", targets.get(i).host());
        }
    }

    @Property(tries = 200)
    void whatTargetPrintsParsesBackToTheSameTarget(@ForAll("hosts") String host,
            @ForAll @IntRange(min = 1, max = 65535) int port) {
        Target target = Target.of(host, port);
        assertEquals(List.of(target), TargetParser.parse(target.toString()));
    }

    @Property(tries = 200)
    void aBackwardsRangeIsRefusedWithTheFixSpelledOut(@ForAll @IntRange(min = 2, max = 65535) int from,
            @ForAll @IntRange(min = 1, max = 65534) int to) {
        if (to >= from) {
            return;
        }
        String message = assertThrows(IllegalArgumentException.class,
                () -> TargetParser.parse("h:" + from + "-" + to)).getMessage();
        assertTrue(message.contains("write it as " + to + "-" + from), message);
    }

    @Property(tries = 200)
    void aPortOutsideTheValidRangeIsRefused(@ForAll @IntRange(min = 65536, max = 999_999) int port) {
        String message = assertThrows(IllegalArgumentException.class,
                () -> TargetParser.parse("[::1]:" + port)).getMessage();
        assertTrue(message.contains(String.valueOf(port)) && message.contains("1-65535"), message);
    }

    @Property(tries = 300)
    void anyInputEitherParsesOrFailsWithOneSentence(@ForAll("junk") String spec) {
        try {
            List<Target> targets = TargetParser.parse(spec);
            assertFalse(targets.isEmpty());
        } catch (IllegalArgumentException e) {
            assertFalse(e.getMessage().isBlank());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> v4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(parts -> String.join(".", parts.stream().map(String::valueOf).toList()));
        Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
                .map(parts -> String.join(":", parts.stream().map(Integer::toHexString).toList()));
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .list().ofMinSize(1).ofMaxSize(3).map(labels -> String.join(".", labels));
        return Arbitraries.oneOf(v4, v6, names, Arbitraries.of("::1", "fe80::1", "localhost"));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().withChars("[]:-,.0123456789abcfh% ").ofMaxLength(20);
    }
}
