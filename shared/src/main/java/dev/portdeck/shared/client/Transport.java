package dev.portdeck.shared.client;

import dev.portdeck.shared.error.RateLimited;
import dev.portdeck.shared.error.Unreachable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Sends ApiCalls over OkHttp: headers, bounded retries, logging (never the key), and raw answers. */
final class Transport {

    static final String ACCEPT = "Application/vnd.pterodactyl.v1+json";
    static final String USER_AGENT = "portdeck/" + version();
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger("portdeck.client");

    private final PanelConfig config;
    private final RetryPolicy retry;
    private final OkHttpClient http;
    private final HttpUrl base;

    Transport(PanelConfig config, RetryPolicy retry) {
        this.config = config;
        this.retry = retry;
        this.base = HttpUrl.get(config.url());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                // We retry ourselves, and never replay a POST or DELETE that may have reached the panel.
                .retryOnConnectionFailure(false)
                // A redirect means the URL is not the API (or would downgrade to http): report it instead.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    /** The raw answer: status, content type and body text (at most 16 MiB). */
    record Answer(int status, String contentType, String body, String retryAfter, String location) {
    }

    Answer send(ApiCall call) {
        int rateLimited = 0;
        int safeRetries = 0;
        Duration waited = Duration.ZERO;
        while (true) {
            Answer answer;
            try {
                answer = once(call);
            } catch (IOException e) {
                if (safeToRetry(call, e) && safeRetries < retry.safeRetries()) {
                    safeRetries++;
                    pause(retry.safeRetryBackoff());
                    continue;
                }
                throw unreachable(call, e);
            }
            if (answer.status() != 429) {
                return answer;
            }
            Duration wait = retryAfter(answer.retryAfter());
            if (waited.plus(wait).compareTo(retry.maxRateLimitWait()) > 0) {
                throw new RateLimited("the panel at " + config.url() + " is limiting requests (HTTP 429) and asks to wait "
                        + seconds(wait) + "; try again then, or ask the admin to raise the client API rate limit", wait);
            }
            if (rateLimited >= retry.rateLimitRetries()) {
                throw new RateLimited("the panel at " + config.url() + " kept limiting requests (HTTP 429) after "
                        + rateLimited + " retries; wait a little, or ask the admin to raise the client API rate limit",
                        wait);
            }
            rateLimited++;
            waited = waited.plus(wait);
            LOG.fine(() -> call.method() + " " + call.path() + " rate limited; retrying in " + wait.toMillis() + " ms");
            pause(wait);
        }
    }

    private Answer once(ApiCall call) throws IOException {
        long start = System.nanoTime();
        try (Response response = http.newCall(request(call)).execute()) {
            String body = read(response);
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.fine(() -> call.method() + " " + call.path() + " " + response.code() + " " + ms + " ms");
            return new Answer(response.code(), response.header("Content-Type"), body, response.header("Retry-After"),
                    response.header("Location"));
        } catch (IOException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.fine(() -> call.method() + " " + call.path() + " failed after " + ms + " ms: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    private Request request(ApiCall call) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("api").addPathSegment("client");
        call.segments().forEach(url::addPathSegment);
        for (Map.Entry<String, String> q : call.query().entrySet()) {
            url.addQueryParameter(q.getKey(), q.getValue());
        }
        RequestBody body = call.body() == null
                ? (call.method().equals("GET") || call.method().equals("DELETE") ? null : RequestBody.create(new byte[0], JSON))
                : RequestBody.create(call.body().getBytes(StandardCharsets.UTF_8), JSON);
        Request.Builder b = new Request.Builder().url(url.build())
                .header("Authorization", config.key().bearer())
                .header("Accept", ACCEPT)
                .header("User-Agent", USER_AGENT)
                .method(call.method(), body);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return b.build();
    }

    private static String read(Response response) throws IOException {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().byteStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A GET may be repeated; anything else only when the connection never opened, so nothing was sent. */
    private static boolean safeToRetry(ApiCall call, IOException e) {
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return true;
        }
        boolean timeout = e instanceof SocketTimeoutException || e instanceof InterruptedIOException;
        return call.idempotent() && !timeout && !(e instanceof UnknownHostException) && !(e instanceof SSLException);
    }

    private Unreachable unreachable(ApiCall call, IOException e) {
        String url = config.url().toString();
        String maybeApplied = call.idempotent() || e instanceof ConnectException || e instanceof UnknownHostException
                ? "" : " (the panel may still have done it: check before trying again)";
        String sentence;
        if (e instanceof UnknownHostException) {
            sentence = "cannot find the panel's host " + config.url().getHost() + " (DNS lookup failed)";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            sentence = "cannot connect to the panel at " + url + ": " + describe(e);
        } else if (e instanceof SSLException) {
            sentence = "the TLS connection to " + url + " failed: " + e.getMessage()
                    + " (certificates are always checked)";
        } else if (e instanceof SocketTimeoutException && isConnectTimeout(e)) {
            sentence = "the panel at " + url + " did not accept a connection within "
                    + seconds(config.connectTimeout()) + " (--connect-timeout)";
        } else if (e instanceof InterruptedIOException) {
            sentence = "the panel at " + url + " did not answer within " + seconds(config.readTimeout())
                    + " (--read-timeout)" + maybeApplied;
        } else {
            sentence = "lost the connection to the panel at " + url + " while trying to " + call.action() + ": "
                    + describe(e) + maybeApplied;
        }
        return new Unreachable(sentence, 0, e);
    }

    private static boolean isConnectTimeout(IOException e) {
        String m = e.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains("connect");
    }

    /** OkHttp says "Failed to connect to host/ip:port"; the cause says why ("Connection refused"). */
    private static String describe(IOException e) {
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !cause.getMessage().isBlank()) {
            return cause.getMessage().toLowerCase(Locale.ROOT);
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e instanceof ConnectException && m.toLowerCase(Locale.ROOT).startsWith("failed to connect")
                ? "connection refused" : m;
    }

    /**
     * Retry-After as seconds or an HTTP date; 1 s when absent or unreadable. At most a day: a longer wait already
     * exceeds any budget, and capping it keeps the millisecond arithmetic from overflowing.
     */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ofSeconds(1);
        }
        String h = header.strip();
        try {
            return atMostADay(Duration.ofSeconds(Math.max(0, Long.parseLong(h))));
        } catch (NumberFormatException notSeconds) {
            if (h.matches("\\d+")) {
                return MAX_RETRY_AFTER; // more seconds than a long holds
            }
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : atMostADay(d);
            } catch (DateTimeParseException notADate) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private static Duration atMostADay(Duration d) {
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while waiting to retry", 0, e);
        }
    }

    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static String version() {
        String v = Transport.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
