package dev.portdeck.probe.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.probe.Service;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * FiveM/RedM (CitizenFX) over HTTP on the game port: {@code GET /dynamic.json} (name, players, slots, map; its round
 * trip is the service's), then {@code GET /info.json} on a new connection (server version, which game). When
 * /dynamic.json gets no valid answer, the UDP {@code getinfo} query ({@link FivemGetinfo}) is asked instead; when only
 * /info.json fails, what /dynamic.json said stands.
 */
final class FivemInfo implements Conversation {

    static final int MAX_JSON = 256 * 1024; // info.json carries the resource list and a base64 icon
    private static final Pattern CARET_COLOURS = Pattern.compile("\\^[0-9]");

    private final String host;
    private final int port;
    private final Service dynamic; // null while asking /dynamic.json
    private final Duration app;
    private final HttpReply reply = new HttpReply(true, MAX_JSON);
    private long sent;

    FivemInfo(String host, int port) {
        this(host, port, null, null);
    }

    private FivemInfo(String host, int port, Service dynamic, Duration app) {
        this.host = host;
        this.port = port;
        this.dynamic = dynamic;
        this.app = app;
    }

    @Override
    public Wire wire() {
        return Wire.TCP;
    }

    private String path() {
        return dynamic == null ? "/dynamic.json" : "/info.json";
    }

    @Override
    public Step open(long now) {
        sent = now;
        return new Step.Send(HttpReply.request("GET", path(), host, port, 80));
    }

    @Override
    public void sent(long at) {
        sent = at;
    }

    @Override
    public Step receive(ByteBuffer bytes, long now) {
        try {
            return reply.add(bytes) ? complete(now) : Step.AWAIT;
        } catch (BadReply e) {
            return failed(e.getMessage());
        }
    }

    @Override
    public Step endOfStream(long now) {
        try {
            if (reply.endOfStream()) {
                return complete(now);
            }
            return failed(reply.anythingReceived() ? "the reply is cut off" : "closed without a reply");
        } catch (BadReply e) {
            return failed(e.getMessage());
        }
    }

    @Override
    public Step timeUp(long now) {
        return dynamic == null ? new Step.Failed(path() + ": no complete reply in time")
                : new Step.Answered(app, dynamic);
    }

    private Step complete(long now) throws BadReply {
        if (reply.status() != 200) {
            return failed("HTTP " + reply.statusText());
        }
        String what = path();
        JsonNode json = JsonReply.parse(JsonReply.utf8(reply.body(), 0, reply.body().length, what), what);
        if (dynamic == null) {
            return new Step.Reconnect(new FivemInfo(host, port, dynamicService(json), Duration.ofNanos(now - sent)));
        }
        return new Step.Answered(app, withInfo(dynamic, json));
    }

    private Step failed(String why) {
        if (dynamic != null) {
            return new Step.Answered(app, dynamic); // /info.json only adds the version
        }
        return new Step.Reconnect(new FivemGetinfo(path() + ": " + why));
    }

    // ---- the codec ----

    static Service dynamicService(JsonNode json) throws BadReply {
        if (!json.isObject() || !(json.has("hostname") || json.has("clients"))) {
            throw new BadReply("/dynamic.json is not FiveM's");
        }
        return new Service("FiveM", ServiceText.clean(withoutColours(json.path("hostname").asText(null))),
                null, JsonReply.text(json.get("mapname")), JsonReply.integer(json.get("clients")),
                JsonReply.integer(json.get("sv_maxclients")));
    }

    static Service withInfo(Service dynamic, JsonNode info) {
        JsonNode vars = info.path("vars");
        String game = "rdr3".equalsIgnoreCase(vars.path("gamename").asText("")) ? "RedM" : dynamic.game();
        Integer max = dynamic.maxPlayers() != null ? dynamic.maxPlayers()
                : JsonReply.integer(vars.get("sv_maxClients"));
        return new Service(game, dynamic.name(), JsonReply.text(info.get("server")), dynamic.map(), dynamic.players(),
                max);
    }

    /** FiveM's {@code ^0}–{@code ^9} colour codes. */
    static String withoutColours(String text) {
        return text == null ? null : CARET_COLOURS.matcher(text).replaceAll("");
    }
}
