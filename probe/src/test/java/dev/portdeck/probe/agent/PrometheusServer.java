package dev.portdeck.probe.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Prometheus or blackbox_exporter (the Debian packages) on a free loopback port, with its own config (and an
 * empty database) in a temporary directory; {@link #close()} kills it and removes the directory.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("msg=\"Listening on\" address=127\\.0\\.0\\.1:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;


    private PrometheusServer(Path dir, Process process) throws Exception {
        this.dir = dir;
        this.process = process;
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(port), "prometheus-log");
        reader.setDaemon(true);
        reader.start();
        try {
            this.port = port.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("prometheus did not start: " + lastLines(), e);
        }
    }

    /** Starts `prometheus` with this configuration (rule files named in it are copied beside it first). */
    public static PrometheusServer start(String config, Path... ruleFiles) throws Exception {
        Path dir = Files.createTempDirectory("portdeck-prometheus");
        Files.writeString(dir.resolve("prometheus.yml"), config);
        for (Path rules : ruleFiles) {
            Files.copy(rules, dir.resolve(rules.getFileName()));
        }
        Process p = new ProcessBuilder("prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:0",
                "--log.level=info").redirectErrorStream(true).start();
        PrometheusServer server = new PrometheusServer(dir, p);
        server.awaitReady();
        return server;
    }

    /** Prometheus listens before it is ready: its API answers 503 until the database and the config are loaded. */
    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/-/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("prometheus never became ready: " + lastLines());
    }

    /** Starts `prometheus-blackbox-exporter` with this blackbox.yml. */
    static PrometheusServer startBlackbox(String config) throws Exception {
        Path dir = Files.createTempDirectory("portdeck-blackbox");
        Files.writeString(dir.resolve("blackbox.yml"), config);
        Process p = new ProcessBuilder("prometheus-blackbox-exporter", "--config.file=" + dir.resolve("blackbox.yml"),
                "--web.listen-address=127.0.0.1:0").redirectErrorStream(true).start();
        return new PrometheusServer(dir, p);
    }

    public static boolean installed(String program) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    /** The base URL, e.g. http://127.0.0.1:41234. */
    public java.net.URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** GET a path of this server, e.g. /probe?target=...; the body. */
    String get(String pathAndQuery) {
        URI uri = URI.create("http://127.0.0.1:" + port + pathAndQuery);
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed: " + e + "\n" + lastLines(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void drain(CompletableFuture<Integer> port) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("prometheus exited"));
    }

    public String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    /** An instant query; the "result" array of the answer. */
    public JsonNode query(String promql) {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new AssertionError("query " + promql + " failed: " + r.body());
            }
            return body.path("data").path("result");
        } catch (IOException e) {
            throw new AssertionError("prometheus did not answer: " + e + "\n" + lastLines(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The value of the single series a query returns, or null when it returns none. */
    public Double value(String promql) {
        JsonNode result = query(promql);
        if (result.size() == 0) {
            return null;
        }
        if (result.size() > 1) {
            throw new AssertionError(promql + " returned " + result.size() + " series: " + result);
        }
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not a test failure
        }
    }
}
