package dev.portdeck.shared.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The broken answers of {@link Fault}: what a reverse proxy or a half-dead panel sends instead of the API. */
final class FaultPages {

    private FaultPages() {
    }

    static void write(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault) {
            case BAD_GATEWAY_HTML -> send(exchange, 502, "text/html", """
                    <html>
                    <head><title>502 Bad Gateway</title></head>
                    <body>
                    <center><h1>502 Bad Gateway</h1></center>
                    <hr><center>nginx</center>
                    </body>
                    </html>
                    """);
            case SERVICE_UNAVAILABLE_HTML -> send(exchange, 503, "text/html; charset=UTF-8",
                    "<!DOCTYPE html><html><head><title>Be right back.</title></head>"
                            + "<body><h1>Be right back.</h1></body></html>\n");
            case EMPTY_BODY -> exchange.sendResponseHeaders(200, -1);
            case TRUNCATED_JSON -> send(exchange, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"object\":\"allo");
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
