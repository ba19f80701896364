package dev.portdeck.tui.cli.listening;

import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.local.Diagnosis;
import dev.portdeck.probe.local.Endpoint;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.probe.local.ListeningSnapshot;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.output.JsonOut;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * `probe --listening`: what listens on this machine on each probed address and port, read once per round (a round
 * after the first remembers the owners found before), and the diagnosis of each result.
 */
public final class ProbeListening {

    private static final Listening UNRESOLVED = new Listening.Unknown("the name did not resolve");

    private ListeningSnapshot snapshot;

    /** What listens at each result's address (the one the probe used) and port, this round. */
    public Map<ProbeResult, Listening> read(List<ProbeResult> results) {
        snapshot = snapshot == null ? ListeningSnapshot.take() : snapshot.next();
        List<Endpoint> endpoints = new ArrayList<>();
        for (ProbeResult r : results) {
            endpoints.add(r.address() == null ? null : new Endpoint(r.address(), r.target().port()));
        }
        Map<Endpoint, Listening> answers = snapshot.lookupAll(endpoints.stream()
                .filter(java.util.Objects::nonNull).toList());
        Map<ProbeResult, Listening> here = new IdentityHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            here.put(results.get(i), endpoints.get(i) == null ? UNRESOLVED : answers.get(endpoints.get(i)));
        }
        return here;
    }

    static Diagnosis diagnosis(ProbeResult r, Listening l) {
        return Diagnosis.of(l, r.target().check(), r.outcome(), List.of());
    }

    /** The LISTEN column of the table, per result. */
    public static Map<ProbeResult, String> marks(Map<ProbeResult, Listening> here) {
        Map<ProbeResult, String> marks = new IdentityHashMap<>();
        here.forEach((r, l) -> marks.put(r, ListeningText.mark(l)));
        return marks;
    }

    /** "TARGET (label): sentence" for each result that is not simply up, in their order. */
    public static String diagnoses(List<ProbeResult> results, Map<ProbeResult, Listening> here) {
        StringBuilder out = new StringBuilder();
        for (ProbeResult r : results) {
            Diagnosis d = diagnosis(r, here.get(r));
            if (!d.simplyUp()) {
                String label = r.target().label() == null ? "" : " (" + r.target().label() + ")";
                out.append(TerminalText.clean(r.target() + label + ": " + d.sentence())).append('\n');
            }
        }
        return out.toString();
    }

    /** The NDJSON fields `,"listening":{...},"diagnosis":{...}` of one result. */
    public static String json(ProbeResult r, Listening l) {
        return ",\"listening\":" + JsonOut.compact(ListeningJson.listening(l))
                + ",\"diagnosis\":" + JsonOut.compact(ListeningJson.diagnosis(diagnosis(r, l)));
    }
}
