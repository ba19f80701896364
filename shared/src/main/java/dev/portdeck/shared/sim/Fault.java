package dev.portdeck.shared.sim;

/** A broken answer the simulator can give instead of the API's, as proxies in front of real panels do. */
public enum Fault {
    /** 502 with an nginx-style HTML page. */
    BAD_GATEWAY_HTML,
    /** 503 with a maintenance HTML page. */
    SERVICE_UNAVAILABLE_HTML,
    /** 200 with an empty body. */
    EMPTY_BODY,
    /** 200 with JSON cut off in the middle. */
    TRUNCATED_JSON
}
