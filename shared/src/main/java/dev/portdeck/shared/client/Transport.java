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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends ApiCalls over OkHttp: headers, bounded retries, logging (never the key), and raw answers. The read timeout
 * bounds each whole request (connect, headers and the last byte of the body), so a panel that trickles cannot hold a
 * command or a dashboard worker for longer.
 */
final class Transport {

    static final String ACCEPT = "Application/vnd.pterodactyl.v1+json";
    static final String USER_AGENT = "portdeck/" + version();
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Longer than anyone waits; capping keeps the millisecond arithmetic from overflowing. */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(365L * 100);
    private static final Logger LOG = Logger.getLogger("portdeck.client");

    private final PanelConfig config;
    private final RetryPolicy retry;
    private final OkHttpClient http;
    private final HttpUrl base;
    private final RateLimitStatus rateLimit;

    Transport(PanelConfig config, RetryPolicy retry, RateLimitStatus rateLimit) {
        this.config = config;
        this.retry = retry;
        this.rateLimit = rateLimit;
        this.base = HttpUrl.get(config.url());
        OkHttpClient.Builder http = new OkHttpClient.Builder();
        if (!base.isHttps()) {
            // every request goes to `base` (redirects are not followed): a plain http panel (the demo, one on
            // loopback) never needs TLS, and OkHttp then skips loading it (the trust store: ~0.15 s of a cold start)
            http.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        this.http = http
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.readTimeout())
                // We retry ourselves, and never replay a POST or DELETE that may have reached the panel.
                .retryOnConnectionFailure(false)
                // A redirect means the URL is not the API (or would downgrade to http): report it instead.
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    /**
     * The raw answer: status, content type, body text (at most {@link #MAX_BODY_BYTES}; `tooLarge` when there was
     * more), and the headers the client reacts to.
     */
    record Answer(int status, String contentType, String body, String retryAfter, String location,
                  String rateLimitLimit, boolean tooLarge) {
    }

    static int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    Answer send(ApiCall call) {
        int rateLimited = 0;
        int safeRetries = 0;
        Duration waited = Duration.ZERO;
        long started = System.nanoTime();
        while (true) {
            Answer answer;
            try {
                answer = once(call);
            } catch (IOException e) {
                boolean timeLeft = System.nanoTime() - started < config.readTimeout().toNanos();
                if (safeToRetry(call, e) && timeLeft && safeRetries < retry.safeRetries()) {
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
            if (waited.plus(wait).compareTo(retry.maxRateLimitWait()) > 0 || rateLimited >= retry.rateLimitRetries()) {
                throw RateLimitSentence.of(config.url(), call, answer.rateLimitLimit(), wait, rateLimited);
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
            rateLimit.record(response.header("X-RateLimit-Limit"), response.header("X-RateLimit-Remaining"));
            byte[] bytes = read(response);
            boolean tooLarge = bytes.length > MAX_BODY_BYTES;
            String body = new String(bytes, 0, Math.min(bytes.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.fine(() -> call.method() + " " + call.path() + " " + response.code() + " " + ms + " ms");
            return new Answer(response.code(), response.header("Content-Type"), body, response.header("Retry-After"),
                    response.header("Location"), response.header("X-RateLimit-Limit"), tooLarge);
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

    /** At most one byte more than the cap, so a huge body is known to be too large without reading all of it. */
    private static byte[] read(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        if (response.body().contentLength() > MAX_BODY_BYTES) {
            return new byte[MAX_BODY_BYTES + 1];
        }
        try (InputStream in = response.body().byteStream()) {
            return in.readNBytes(MAX_BODY_BYTES + 1);
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
     * Retry-After as seconds or an HTTP date; 1 s when absent or unreadable. At most {@link #MAX_RETRY_AFTER}: the
     * real wait for anything a person would wait for, and no overflow for the absurd.
     */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ofSeconds(1);
        }
        String h = header.strip();
        try {
            return capped(Duration.ofSeconds(Math.max(0, Long.parseLong(h))));
        } catch (NumberFormatException notSeconds) {
            if (h.matches("\\d+")) {
                return MAX_RETRY_AFTER; // more seconds than a long holds
            }
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : capped(d);
            } catch (DateTimeParseException | ArithmeticException notADate) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private static Duration capped(Duration d) {
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** A wait as a person reads it: "42 s", "15 min", "5 h", "1157 days", "more than 100 years". */
    static String humanWait(Duration d) {
        long s = d.toSeconds();
        if (d.compareTo(MAX_RETRY_AFTER) >= 0) {
            return "more than 100 years";
        }
        if (s < 120) {
            return seconds(d);
        }
        if (s < 120 * 60) {
            return (s + 59) / 60 + " min";
        }
        return s < 48 * 3600 ? (s + 3599) / 3600 + " h" : (s + 86_399) / 86_400 + " days";
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
