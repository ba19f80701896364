package dev.portdeck.shared.sim.games;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Fixed pages over HTTP on the JDK's server: each path maps to a body made when asked; any other path is a 404.
 * GET and HEAD are answered, anything else is 405.
 */
final class HttpResponder implements Responder {

    /** A page: its content type and a supplier of its body. */
    record Page(String contentType, Supplier<String> body) {
    }

    private final HttpServer http;
    private final String serverHeader;
    private final Map<String, Page> pages;
    private final AtomicLong answered = new AtomicLong();
    private final InetSocketAddress address;
    private volatile boolean closed;

    HttpResponder(InetSocketAddress at, String serverHeader, Map<String, Page> pages) throws IOException {
        this.serverHeader = serverHeader;
        this.pages = Map.copyOf(pages);
        this.http = HttpServer.create(Game.loopback(at), 64);
        http.createContext("/", this::handle);
        http.start();
        this.address = http.getAddress();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public long answered() {
        return answered.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            answered.incrementAndGet();
            exchange.getResponseHeaders().set("Server", serverHeader);
            String method = exchange.getRequestMethod();
            Page page = pages.get(exchange.getRequestURI().getPath());
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            int status = page == null ? 404 : 200;
            byte[] body = (page == null ? "Not Found\n" : page.body().get()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    page == null ? "text/plain; charset=utf-8" : page.contentType());
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            http.stop(0);
        }
    }
}
