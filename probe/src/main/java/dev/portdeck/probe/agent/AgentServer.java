package dev.portdeck.probe.agent;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's HTTP server: the JDK's, as the Prometheus client's exporter runs it (10 threads, 100 waiting requests),
 * with every path handed to {@link AgentRoutes}, /metrics included (see {@link MetricsEndpoint}).
 */
final class AgentServer implements AutoCloseable {

    private final HttpServer server;
    private final ThreadPoolExecutor threads;

    private AgentServer(HttpServer server, ThreadPoolExecutor threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Binds {@code at} (port 0: one the kernel picks) and serves; an IOException when it cannot bind. */
    static AgentServer start(InetSocketAddress at, HttpHandler routes) throws IOException {
        HttpServer server = HttpServer.create(at, 3);
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(10, 10, 120, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(100), r -> {
                    Thread t = new Thread(r, "portdeck-agent-http-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        threads.allowCoreThreadTimeOut(true); // an agent nobody scrapes holds no idle threads
        server.setExecutor(threads);
        server.createContext("/", routes);
        server.start();
        return new AgentServer(server, threads);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
