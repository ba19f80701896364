package dev.portdeck.probe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Check.Transport;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.local.Diagnosis.Finding;
import dev.portdeck.probe.local.Diagnosis.Vantage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every combination of what listens here, what the probe saw and what other vantage points saw: one sentence each. */
class DiagnosisTest {

    private static final Listening JAVA = bound(socket(Transport.TCP, new Owner.Process(4242, "java", null)));
    private static final Listening PROXY = bound(socket(Transport.TCP,
            new Owner.Process(811, "docker-proxy", "172.18.0.5:25565")));
    private static final Listening UDP_ONLY = bound(socket(Transport.UDP, new Owner.Process(77, "java", null)));
    private static final Listening HIDDEN = bound(socket(Transport.TCP, new Owner.NotPermitted()));
    private static final Listening TWO = bound(socket(Transport.TCP, new Owner.Process(1, "java", null)),
            socket(Transport.TCP, new Owner.Process(2, "docker-proxy", null)));
    private static final Listening NONE = new Listening.NotListening();
    private static final Listening AWAY = new Listening.NotThisMachine("203.0.113.5");
    private static final Listening BLIND = new Listening.Unknown("there is no /proc/net/tcp (not Linux)");

    private static final Outcome OPEN = new Outcome.Open(Duration.ofMillis(1));
    private static final Outcome UNRESPONSIVE = new Outcome.Unresponsive(Duration.ofMillis(1), "no status reply");
    private static final Outcome SILENCE = new Outcome.OpenOrFiltered(Duration.ofSeconds(1));
    private static final Outcome REFUSED = new Outcome.Closed();
    private static final Outcome DROPPED = new Outcome.Filtered(Duration.ofSeconds(1));
    private static final Outcome NO_ROUTE = new Outcome.Unreachable("no route to host (EHOSTUNREACH)");
    private static final Outcome NO_NAME = new Outcome.DnsError("no such host");
    private static final Outcome OURS = new Outcome.LocalError("out of file descriptors");

    private static final List<Vantage> NO_VANTAGE = List.of();
    private static final List<Vantage> HOME_UP = List.of(new Vantage("home", true));
    private static final List<Vantage> HOME_DOWN = List.of(new Vantage("home", false));
    private static final List<Vantage> HOME_UP_FRA_DOWN = List.of(new Vantage("home", true), new Vantage("fra", false));
    private static final List<Vantage> BOTH_DOWN = List.of(new Vantage("home", false), new Vantage("fra", false));
    private static final List<Vantage> BOTH_UP = List.of(new Vantage("home", true), new Vantage("fra", true));

    private static final String FORWARDED = "answers, though nothing here listens: something forwards the port (NAT,"
            + " or Docker without its proxy)";
    private static final String PROXY_ONLY = "listening here (docker-proxy): only Docker's proxy answered, and it"
            + " accepts even when the game is down: ask the game itself";

    static Stream<Arguments> combinations() {
        return Stream.of(
                // listening here, not probed
                row(JAVA, null, null, NO_VANTAGE, Finding.LISTENING, "listening here (java)"),
                row(JAVA, null, null, HOME_UP, Finding.UP, "listening here (java), up from every vantage point"),
                row(JAVA, null, null, HOME_DOWN, Finding.BLOCKED,
                        "listening here (java), not reachable from vantage home: firewall or NAT"),
                // listening here, and the probe got an answer
                row(JAVA, Check.TCP, OPEN, NO_VANTAGE, Finding.UP, "listening here (java) and answers"),
                row(JAVA, Check.MINECRAFT, OPEN, NO_VANTAGE, Finding.UP, "listening here (java) and the game answers"),
                row(JAVA, Check.HTTP, OPEN, NO_VANTAGE, Finding.UP, "listening here (java) and the web server answers"),
                row(HIDDEN, Check.TCP, OPEN, NO_VANTAGE, Finding.UP, "listening here (unknown process) and answers"),
                row(TWO, Check.TCP, OPEN, NO_VANTAGE, Finding.UP, "listening here (java, docker-proxy) and answers"),
                row(JAVA, Check.TCP, OPEN, HOME_DOWN, Finding.BLOCKED,
                        "listening here (java), answers here, not reachable from vantage home: firewall or NAT"),
                row(JAVA, Check.TCP, OPEN, HOME_UP_FRA_DOWN, Finding.BLOCKED,
                        "listening here (java), answers here, not reachable from vantage fra: firewall or NAT"),
                row(JAVA, Check.TCP, OPEN, BOTH_DOWN, Finding.BLOCKED,
                        "listening here (java), answers here, not reachable from vantages home, fra: firewall or NAT"),
                row(JAVA, Check.TCP, OPEN, BOTH_UP, Finding.UP, "listening here (java) and answers"),
                // Docker's proxy: a connect proves nothing, the game's own answer does
                row(PROXY, Check.TCP, OPEN, NO_VANTAGE, Finding.UNPROVEN, PROXY_ONLY),
                row(PROXY, Check.TCP, OPEN, HOME_DOWN, Finding.UNPROVEN,
                        PROXY_ONLY + "; not reachable from vantage home"),
                row(PROXY, Check.MINECRAFT, OPEN, NO_VANTAGE, Finding.UP,
                        "listening here (docker-proxy) and the game answers"),
                row(PROXY, Check.MINECRAFT, UNRESPONSIVE, NO_VANTAGE, Finding.HUNG,
                        "listening here (docker-proxy) but the game does not answer: it is down or hung inside its"
                                + " container"),
                // listening here, and the probe got no (good) answer
                row(JAVA, Check.MINECRAFT, UNRESPONSIVE, NO_VANTAGE, Finding.HUNG,
                        "listening here (java) but the game does not answer: hung, still starting, or another program"
                                + " holds the port"),
                row(UDP_ONLY, Check.BEDROCK, SILENCE, NO_VANTAGE, Finding.UNPROVEN,
                        "bound here (java) but the UDP question got no answer: the game ignores it, or a firewall"
                                + " drops it"),
                row(JAVA, Check.TCP, REFUSED, NO_VANTAGE, Finding.BLOCKED,
                        "listening here (java) but the probe was refused: a firewall rejects it"),
                row(JAVA, Check.TCP, DROPPED, NO_VANTAGE, Finding.BLOCKED,
                        "listening here (java) but not reachable: a firewall drops the probe"),
                row(JAVA, Check.TCP, DROPPED, HOME_UP, Finding.BLOCKED,
                        "listening here (java) but not reachable: a firewall drops the probe; answers from vantage"
                                + " home"),
                row(JAVA, Check.TCP, NO_ROUTE, NO_VANTAGE, Finding.BLOCKED,
                        "listening here (java) but not reachable, a firewall or the route: no route to host"
                                + " (EHOSTUNREACH)"),
                row(JAVA, Check.TCP, NO_NAME, NO_VANTAGE, Finding.UNKNOWN,
                        "listening here (java); the probe could not resolve the name: no such host"),
                row(JAVA, Check.TCP, OURS, NO_VANTAGE, Finding.UNKNOWN,
                        "listening here (java); the probe failed on this machine: out of file descriptors"),
                // bound, but not on the transport the check uses
                row(UDP_ONLY, Check.TCP, REFUSED, NO_VANTAGE, Finding.DOWN,
                        "not listening on TCP (only UDP is bound here, by java): the server is down"),
                // nothing listens here
                row(NONE, null, null, NO_VANTAGE, Finding.DOWN, "not listening: the server is down"),
                row(NONE, Check.TCP, REFUSED, NO_VANTAGE, Finding.DOWN, "not listening: the server is down"),
                row(NONE, Check.TCP, DROPPED, NO_VANTAGE, Finding.DOWN, "not listening: the server is down"),
                row(NONE, Check.TCP, NO_ROUTE, NO_VANTAGE, Finding.DOWN, "not listening: the server is down"),
                row(NONE, Check.BEDROCK, SILENCE, NO_VANTAGE, Finding.DOWN, "not listening: the server is down"),
                row(NONE, Check.TCP, NO_NAME, NO_VANTAGE, Finding.DOWN, "not listening: the server is down"),
                row(NONE, Check.TCP, OPEN, NO_VANTAGE, Finding.UP, FORWARDED),
                row(NONE, Check.MINECRAFT, UNRESPONSIVE, NO_VANTAGE, Finding.HUNG,
                        "accepts connections though nothing here listens (NAT or Docker forwards it), but the game"
                                + " does not answer"),
                row(NONE, Check.TCP, REFUSED, HOME_UP, Finding.UNKNOWN,
                        "not listening here, yet up from vantage home: another machine serves it"),
                // not this machine, or its sockets cannot be read: the probe and the vantage points alone
                row(AWAY, null, null, NO_VANTAGE, Finding.UNKNOWN,
                        "not this machine: run portdeck on the node to see what listens"),
                row(BLIND, null, null, NO_VANTAGE, Finding.UNKNOWN,
                        "cannot see this machine's sockets: there is no /proc/net/tcp (not Linux)"),
                row(AWAY, null, null, BOTH_UP, Finding.UP, "up from every vantage point"),
                row(AWAY, null, null, BOTH_DOWN, Finding.SILENT, "not reachable from any vantage point"),
                row(AWAY, null, null, HOME_UP_FRA_DOWN, Finding.BLOCKED,
                        "not reachable from vantage fra, up from vantage home: firewall or NAT"),
                row(AWAY, Check.TCP, OPEN, NO_VANTAGE, Finding.UP, "answers"),
                row(AWAY, Check.TCP, OPEN, HOME_DOWN, Finding.BLOCKED,
                        "answers here, not reachable from vantage home: firewall or NAT"),
                row(AWAY, Check.MINECRAFT, UNRESPONSIVE, NO_VANTAGE, Finding.HUNG,
                        "the port accepts connections but the game does not answer: hung, still starting, or a proxy"
                                + " in front"),
                row(AWAY, Check.HTTPS, UNRESPONSIVE, NO_VANTAGE, Finding.HUNG,
                        "the port accepts connections but the web server does not answer: hung, still starting, or a"
                                + " proxy in front"),
                row(AWAY, Check.A2S, SILENCE, NO_VANTAGE, Finding.SILENT,
                        "no answer to the UDP question: the game ignores it, or a firewall drops it"),
                row(AWAY, Check.TCP, REFUSED, NO_VANTAGE, Finding.DOWN,
                        "refused: nothing listens on the port there, the server looks down"),
                row(BLIND, Check.TCP, REFUSED, NO_VANTAGE, Finding.DOWN,
                        "refused: nothing listens on the port there, the server looks down"),
                row(AWAY, Check.TCP, DROPPED, NO_VANTAGE, Finding.SILENT,
                        "no answer: a firewall drops the probe, or the host is down"),
                row(AWAY, Check.TCP, DROPPED, HOME_UP, Finding.SILENT,
                        "no answer: a firewall drops the probe, or the host is down; answers from vantage home"),
                row(AWAY, Check.TCP, NO_ROUTE, NO_VANTAGE, Finding.SILENT,
                        "unreachable, a firewall or the route: no route to host (EHOSTUNREACH)"),
                row(AWAY, Check.TCP, NO_NAME, NO_VANTAGE, Finding.UNKNOWN,
                        "the probe could not resolve the name: no such host"),
                row(AWAY, Check.TCP, OURS, NO_VANTAGE, Finding.UNKNOWN,
                        "the probe failed on this machine: out of file descriptors"));
    }

    @ParameterizedTest(name = "{0} + {1} {2} + {3} → {5}")
    @MethodSource("combinations")
    void eachCombinationHasItsSentence(String listening, Check check, String outcome, List<Vantage> vantages,
                                       Finding finding, String sentence, Listening l, Outcome o) {
        assertEquals(new Diagnosis(finding, sentence), Diagnosis.of(l, check, o, vantages));
    }

    @ParameterizedTest(name = "{0} + {1} {2} + {3} → {5}")
    @MethodSource("combinations")
    void onlyAnAnswerOrAnUnprobedListenerIsSimplyUp(String listening, Check check, String outcome,
                                                   List<Vantage> vantages, Finding finding, String sentence,
                                                   Listening l, Outcome o) {
        boolean simple = finding == Finding.UP || finding == Finding.LISTENING;
        assertEquals(simple, Diagnosis.of(l, check, o, vantages).simplyUp());
    }

    @ParameterizedTest(name = "{0} + {1} {2} + {3} → {5}")
    @MethodSource("combinations")
    void theUsersPageListsEverySentence(String listening, Check check, String outcome, List<Vantage> vantages,
                                        Finding finding, String sentence) throws IOException {
        String page = Files.readString(Path.of("..", "docs", "listening.md"), StandardCharsets.UTF_8);
        assertTrue(page.contains("| " + finding.word() + " | " + sentence + " |"),
                "docs/listening.md lacks the row for: " + finding.word() + " | " + sentence);
    }

    @org.junit.jupiter.api.Test
    void theListeningAnswerAloneNeedsNoProbe() {
        assertEquals(new Diagnosis(Finding.LISTENING, "listening here (java)"), Diagnosis.of(JAVA));
        assertEquals(new Diagnosis(Finding.DOWN, "not listening: the server is down"), Diagnosis.of(NONE));
        assertTrue(Diagnosis.of(JAVA).simplyUp());
        assertFalse(Diagnosis.of(AWAY).simplyUp());
        assertEquals("unproven", Finding.UNPROVEN.word());
    }

    private static Arguments row(Listening l, Check check, Outcome o, List<Vantage> vantages, Finding finding,
                                 String sentence) {
        return Arguments.of(name(l), check, o == null ? "(not probed)" : o.word(), vantages, finding, sentence, l, o);
    }

    private static String name(Listening l) {
        if (l instanceof Listening.Bound b) {
            return b.word() + " " + b.owners().stream().map(Owner::name).toList();
        }
        return l.word();
    }

    private static Listening bound(LocalSocket... sockets) {
        return new Listening.Bound(List.of(sockets));
    }

    private static LocalSocket socket(Transport transport, Owner owner) {
        try {
            return new LocalSocket(transport, false, InetAddress.getByName("0.0.0.0"), 25565, owner);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
