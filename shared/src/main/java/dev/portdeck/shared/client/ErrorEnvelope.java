package dev.portdeck.shared.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.shared.error.Forbidden;
import dev.portdeck.shared.error.NotFound;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.error.RefusalReason;
import dev.portdeck.shared.error.Refused;
import dev.portdeck.shared.error.Unauthorized;
import dev.portdeck.shared.error.Unreachable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The panel's `{"errors":[{code,status,detail,meta}]}` answer turned into the matching PanelException, keeping the
 * panel's own `detail`. Codes of the documented contract, Pterodactyl and Pelican are all recognised.
 */
final class ErrorEnvelope {

    /** One entry of `errors`. */
    record Entry(String code, String detail, String sourceField) {
    }

    private ErrorEnvelope() {
    }

    /** The entries, or an empty list when `json` is not an error envelope. */
    static List<Entry> entries(JsonNode json) {
        List<Entry> entries = new ArrayList<>();
        JsonNode errors = json == null ? null : json.get("errors");
        if (errors == null || !errors.isArray()) {
            return entries;
        }
        for (JsonNode e : errors) {
            String code = text(e.get("code"));
            if (code != null) {
                code = code.substring(Math.max(code.lastIndexOf('\\'), code.lastIndexOf('.')) + 1);
            }
            JsonNode meta = e.get("meta");
            String field = meta == null ? null : text(meta.get("source_field"));
            if (field == null && e.has("source")) {
                field = text(e.get("source").get("field"));
            }
            entries.add(new Entry(code, text(e.get("detail")), field));
        }
        return entries;
    }

    /** What to ask a panel's admin when clients may not add allocations. */
    static final String ENABLE_AUTO_ALLOCATION = "this panel does not let its users add allocations: ask its admin to"
            + " switch on automatic allocation creation with a port range (Pterodactyl: Admin > Settings > Advanced,"
            + " or PTERODACTYL_CLIENT_ALLOCATIONS_ENABLED=true with PTERODACTYL_CLIENT_ALLOCATIONS_RANGE_START/_END;"
            + " Pelican: PANEL_CLIENT_ALLOCATIONS_ENABLED=true with PANEL_CLIENT_ALLOCATIONS_RANGE_START/_END),"
            + " or to assign the port to the server from the admin area";

    static PanelException toException(int status, List<Entry> entries, ApiCall call, URI panel, ApiKey key) {
        Entry first = entries.isEmpty() ? new Entry(null, null, null) : entries.get(0);
        String detail = first.detail() == null ? "" : first.detail().strip();
        String lower = detail.toLowerCase(Locale.ROOT);
        if ("TwoFactorAuthRequiredException".equals(first.code()) || lower.contains("two-factor authentication is required")) {
            return new Unauthorized("the panel at " + panel + " requires two-factor authentication on this account"
                    + " before its API may be used (HTTP " + status + (detail.isEmpty() ? "" : ": " + detail)
                    + "); turn on 2FA for the account in the panel, then try again", status);
        }
        if ("DaemonConnectionException".equals(first.code()) || lower.contains("machine running this server")) {
            return new Unreachable("the panel at " + panel + " answers, but cannot reach the node (Wings) that runs "
                    + call.subject() + ", so it could not " + call.action() + " (HTTP " + status
                    + (detail.isEmpty() ? "" : ": " + detail) + "); ask the panel's admin to check Wings on that node",
                    status, null);
        }
        switch (status) {
            case 401:
                return new Unauthorized("the panel at " + panel + " rejected the API key (HTTP 401"
                        + (detail.isEmpty() ? "" : ": " + detail) + "); check it, or store a new one with `portdeck login`");
            case 403:
                return forbidden(detail, call, key);
            case 404:
                return notFound(lower, call, panel);
            default:
                break;
        }
        RefusalReason reason = reason(status, first.code(), detail);
        if (status >= 500 && reason != RefusalReason.NO_FREE_ALLOCATIONS) {
            return new Unreachable("the panel at " + panel + " failed to " + call.action() + " (HTTP " + status
                    + (detail.isEmpty() ? "" : ": " + detail) + ")", status, null);
        }
        String sentence = reason == RefusalReason.VALIDATION ? joinDetails(entries) : detail;
        if (sentence.isEmpty()) {
            sentence = "the panel refused to " + call.action() + " (HTTP " + status
                    + (first.code() == null ? "" : " " + first.code()) + ")";
        }
        if (reason == RefusalReason.AUTO_ALLOCATION_DISABLED) {
            sentence = sentence.replaceAll("[.\\s]+$", "") + ": " + ENABLE_AUTO_ALLOCATION + ".";
        }
        return new Refused(sentence, status, reason, first.code(), detail, first.sourceField());
    }

    /**
     * Real panels say "could not be found" for a server or allocation that does not exist (an allocation of another
     * server included) and "does not exist on this server" for a server the key's user may not open.
     */
    private static NotFound notFound(String lowerDetail, ApiCall call, URI panel) {
        String what = capitalize(call.subject()) + " was not found on " + panel;
        if (call.subject().startsWith("allocation ")) {
            return new NotFound(what + ": it does not exist or belongs to another server", call.subject());
        }
        if (lowerDetail.contains("does not exist on this server")) {
            return new NotFound(what + ", or this API key's user may not open it", call.subject());
        }
        return new NotFound(what + " (or this API key cannot see it)", call.subject());
    }

    private static Forbidden forbidden(String detail, ApiCall call, ApiKey key) {
        String lower = detail.toLowerCase(Locale.ROOT);
        if (lower.contains("does not have permission to access the api using these credentials")
                || lower.startsWith("this ip address")) {
            return new Forbidden("the panel refuses this API key from this machine's address (panel: \"" + detail
                    + "\"): the key only works from the IP addresses listed for it; add this one under Account >"
                    + " API Credentials, or use a key without that list", null);
        }
        if (lower.contains("application api key") || key.kind() == ApiKey.Kind.APPLICATION) {
            return new Forbidden("the panel refused an application API key (ptla_/papp_) on the client API"
                    + (detail.isEmpty() ? "" : " (\"" + detail + "\")")
                    + "; create a client key (ptlc_/pacc_) under Account > API Credentials", null);
        }
        String permission = call.permission();
        String need = permission == null ? "" : ": it lacks the " + permission + " permission";
        return new Forbidden("the API key may not " + call.action() + need
                + (detail.isEmpty() ? "" : " (panel: \"" + detail + "\")"), permission);
    }

    /** The documented contract's codes and the real panels' codes and messages, to one reason. */
    static RefusalReason reason(int status, String code, String detail) {
        String c = code == null ? "" : code;
        String d = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        switch (c) {
            case "TooManyAllocationsException":
                return RefusalReason.LIMIT_REACHED;
            case "CannotDeletePrimaryAllocationException":
                return RefusalReason.PRIMARY_UNDELETABLE;
            case "ConflictingServerStateException":
                return RefusalReason.SERVER_MUST_BE_STOPPED;
            case "ServerStateConflictException":
                return RefusalReason.SERVER_STATE_CONFLICT;
            case "AllocationNotAvailableException":
                return RefusalReason.ALLOCATION_NOT_AVAILABLE;
            case "NoAvailableAllocationsException":
            case "NoAutoAllocationSpaceAvailableException":
                return RefusalReason.NO_FREE_ALLOCATIONS;
            case "AutoAllocationNotEnabledException":
                return RefusalReason.AUTO_ALLOCATION_DISABLED;
            case "ValidationException":
                return RefusalReason.VALIDATION;
            default:
                break;
        }
        if (d.contains("limit has been reached") || d.contains("reached its allocation limit")) {
            return RefusalReason.LIMIT_REACHED;
        }
        if (d.contains("cannot delete the primary allocation") || d.contains("cannot remove the primary allocation")) {
            return RefusalReason.PRIMARY_UNDELETABLE;
        }
        if (d.contains("no allocation limit is set")) {
            return RefusalReason.NO_ALLOCATION_LIMIT_SET;
        }
        if (d.contains("no more space available") || d.contains("no available allocations")) {
            return RefusalReason.NO_FREE_ALLOCATIONS;
        }
        if (d.contains("auto-allocation is not enabled")) {
            return RefusalReason.AUTO_ALLOCATION_DISABLED;
        }
        if (status == 409) {
            return RefusalReason.SERVER_STATE_CONFLICT;
        }
        return status == 422 ? RefusalReason.VALIDATION : RefusalReason.OTHER;
    }

    private static String joinDetails(List<Entry> entries) {
        List<String> details = new ArrayList<>();
        for (Entry e : entries) {
            if (e.detail() != null && !e.detail().isBlank() && !details.contains(e.detail().strip())) {
                details.add(e.detail().strip());
            }
        }
        return String.join(" ", details);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
