package dev.portdeck.shared.sim.games;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/** A web port (Dynmap, BlueMap, txAdmin): a small HTML page at "/" with the game's Server header. */
final class WebResponder {

    private WebResponder() {
    }

    static Responder start(Game.Web web, InetSocketAddress at) throws IOException {
        String page = "<!doctype html><html><head><title>" + web.title() + "</title></head><body><h1>" + web.title()
                + "</h1></body></html>\n";
        return new HttpResponder(at, web.server(), Map.of("/", new HttpResponder.Page("text/html; charset=utf-8",
                () -> page)));
    }
}
