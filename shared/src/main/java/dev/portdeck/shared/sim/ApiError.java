package dev.portdeck.shared.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** One refusal of the simulated panel, written as the panels' `{"errors":[...]}` envelope. */
final class ApiError extends RuntimeException {

    /** A server or allocation that does not exist (or an allocation of another server). */
    static final String NOT_FOUND_DETAIL = "The requested resource could not be found on the server.";
    /** A server the key's user may not open. */
    static final String NOT_ACCESSIBLE_DETAIL = "The requested resource does not exist on this server.";

    final int status;
    final String code;
    final String detail;
    final Map<String, String> meta;
    final Map<String, String> headers = new LinkedHashMap<>();

    ApiError(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    ApiError(int status, String code, String detail, Map<String, String> meta) {
        super(code + ": " + detail, null, false, false);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.meta = meta;
    }

    ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    static ApiError notFound() {
        return new ApiError(404, "NotFoundHttpException", NOT_FOUND_DETAIL);
    }

    static ApiError notAccessible() {
        return new ApiError(404, "NotFoundHttpException", NOT_ACCESSIBLE_DETAIL);
    }

    /** Wings, the node's daemon, did not answer the panel. */
    static ApiError daemonUnreachable() {
        return new ApiError(504, "DaemonConnectionException",
                "Could not establish a connection to the machine running this server. Please try again.");
    }

    static ApiError validation(String field, String rule, String detail) {
        return new ApiError(422, "ValidationException", detail, Map.of("source_field", field, "rule", rule));
    }

    /** Pterodactyl and Pelican refuse with a DisplayException whose detail is the reason. */
    static ApiError display(String detail) {
        return new ApiError(400, "DisplayException", detail);
    }
}
