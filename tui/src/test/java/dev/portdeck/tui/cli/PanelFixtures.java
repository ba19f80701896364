package dev.portdeck.tui.cli;

import okhttp3.mockwebserver.MockResponse;

/** Panel answers shaped like the documented contract and the real panels. */
public final class PanelFixtures {

    public static final String ALLOCATIONS = """
            {"object":"list","data":[
             {"object":"allocation","attributes":{"id":15,"ip":"45.86.168.218","ip_alias":"game.example.com","port":25565,"notes":"Main Minecraft server port","is_default":true}},
             {"object":"allocation","attributes":{"id":16,"ip":"45.86.168.218","ip_alias":"game.example.com","port":25566,"notes":"Secondary port for plugins","is_default":false}},
             {"object":"allocation","attributes":{"id":17,"ip":"45.86.168.218","ip_alias":null,"port":25567,"notes":null,"is_default":false}}
            ]}""";

    public static String allocation(long id, int port, String notes, boolean primary) {
        return """
                {"object":"allocation","attributes":{"id":%d,"ip":"45.86.168.218","ip_alias":"game.example.com","port":%d,"notes":%s,"is_default":%s}}"""
                .formatted(id, port, notes == null ? "null" : "\"" + notes + "\"", primary);
    }

    public static String serverAttributes(String id, String name, String node, int limit, String status, boolean suspended) {
        return """
                {"identifier":"%s","uuid":"%s-0000-4000-8000-000000000000","name":"%s","node":"%s","status":%s,
                 "is_suspended":%s,"feature_limits":{"databases":0,"allocations":%d,"backups":0},
                 "relationships":{"allocations":%s}}"""
                .formatted(id, id, name, node, status == null ? "null" : "\"" + status + "\"", suspended, limit,
                        ALLOCATIONS);
    }

    public static String server(String id, String name) {
        return "{\"object\":\"server\",\"attributes\":" + serverAttributes(id, name, "Node 1", 4, null, false)
                + ",\"meta\":{\"is_server_owner\":true,\"user_permissions\":[\"*\"]}}";
    }

    public static String page(int page, int totalPages, int total, String... attributes) {
        StringBuilder data = new StringBuilder();
        for (String a : attributes) {
            data.append(data.length() == 0 ? "" : ",").append("{\"object\":\"server\",\"attributes\":").append(a).append('}');
        }
        return """
                {"object":"list","data":[%s],"meta":{"pagination":{"total":%d,"count":%d,"per_page":100,
                 "current_page":%d,"total_pages":%d,"links":{}}}}""".formatted(data, total, attributes.length, page, totalPages);
    }

    public static String error(String code, int status, String detail) {
        return "{\"errors\":[{\"code\":\"" + code + "\",\"status\":\"" + status + "\",\"detail\":\"" + detail + "\"}]}";
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    public static MockResponse ok(String body) {
        return json(200, body);
    }

    private PanelFixtures() {
    }
}
