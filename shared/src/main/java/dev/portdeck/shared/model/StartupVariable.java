package dev.portdeck.shared.model;

/**
 * One of a server's startup variables (`egg_variable`), as `relationships.variables` and `GET /startup` list them.
 * Only variables the egg marks user-viewable are ever shown by a panel.
 *
 * @param name         the display name, e.g. "Query Port"
 * @param description  the egg's description, or null
 * @param envVariable  the environment variable, e.g. "QUERY_PORT"
 * @param defaultValue the egg's default, or null
 * @param serverValue  this server's value, or null
 * @param editable     is_editable: whether the user may change it
 * @param rules        the panel's validation rules, e.g. "required|integer", or null
 */
public record StartupVariable(String name, String description, String envVariable, String defaultValue,
                              String serverValue, boolean editable, String rules) {

    /** The value in force: the server's, else the default; null when neither is set. */
    public String value() {
        return serverValue != null && !serverValue.isBlank() ? serverValue : defaultValue;
    }
}
