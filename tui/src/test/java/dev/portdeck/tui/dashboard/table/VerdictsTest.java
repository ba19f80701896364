package dev.portdeck.tui.dashboard.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.portdeck.probe.Outcome;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every kind of probe outcome the engine can report has its own words on the dashboard, now and when one is added. */
class VerdictsTest {

    private static Outcome example(Class<?> kind) throws Exception {
        RecordComponent[] parts = kind.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = types[i] == Duration.class ? Duration.ofMillis(7) : types[i] == String.class ? "why" : null;
        }
        return (Outcome) kind.getDeclaredConstructor(types).newInstance(values);
    }

    @Test
    void everyOutcomeHasItsOwnWord() throws Exception {
        Set<String> words = new HashSet<>();
        for (Class<?> kind : Outcome.class.getPermittedSubclasses()) {
            Verdicts.Verdict v = Verdicts.of(example(kind));
            assertFalse(v.word().isBlank(), kind.getSimpleName());
            words.add(v.word());
            assertEquals(kind == Outcome.Open.class, v.up(), kind.getSimpleName() + " counts as up only when open");
        }
        assertEquals(Outcome.class.getPermittedSubclasses().length, words.size(), "no two kinds read the same");
    }
}
