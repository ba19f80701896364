package dev.portdeck.shared.client;

import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;

/** Panel answers as the documented contract and the real panels write them. */
final class Fixtures {

    static final String KEY = "ptlc_Zq8sV3ryS3cretKeyValue0123456789";

    static final String ALLOCATIONS = """
            {"object":"list","data":[
             {"object":"allocation","attributes":{"id":15,"ip":"45.86.168.218","ip_alias":"game.example.com","port":25565,"notes":"Main Minecraft server port","is_default":true}},
             {"object":"allocation","attributes":{"id":16,"ip":"45.86.168.218","ip_alias":"game.example.com","port":25566,"notes":"Secondary port for plugins","is_default":false}},
             {"object":"allocation","attributes":{"id":17,"ip":"45.86.168.218","ip_alias":null,"port":25567,"notes":null,"is_default":false}}
            ]}""";

    static String allocation(long id, int port, String notes, boolean primary) {
        return """
                {"object":"allocation","attributes":{"id":%d,"ip":"45.86.168.218","ip_alias":"game.example.com","port":%d,"notes":%s,"is_default":%s}}"""
                .formatted(id, port, notes == null ? "null" : "\"" + notes + "\"", primary);
    }

    static String server(String id, String name, int limit, String status, String... permissions) {
        return """
                {"object":"server","attributes":{"server_owner":true,"identifier":"%s","uuid":"%s-0000-4000-8000-000000000000",
                 "name":"%s","node":"Node 1","description":"","status":%s,"is_suspended":false,"is_installing":false,
                 "is_transferring":false,"sftp_details":{"ip":"45.86.168.218","port":2022},
                 "limits":{"memory":1024,"swap":0,"disk":5120,"io":500,"cpu":100},
                 "feature_limits":{"databases":1,"allocations":%d,"backups":2},
                 "relationships":{"allocations":%s}},
                 "meta":{"is_server_owner":true,"user_permissions":[%s]}}"""
                .formatted(id, id, name, status == null ? "null" : "\"" + status + "\"", limit, ALLOCATIONS,
                        List.of(permissions).stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",")));
    }

    /** One page of GET /api/client, Fractal style, with pagination meta. */
    static String serverPage(int page, int totalPages, int total, String... ids) {
        String data = List.of(ids).stream().map(id -> {
            String s = server(id, "srv-" + id, 3, null);
            return s.substring(0, s.indexOf(",\n \"meta\"")) + "}";
        }).collect(Collectors.joining(","));
        return """
                {"object":"list","data":[%s],"meta":{"pagination":{"total":%d,"count":%d,"per_page":100,
                 "current_page":%d,"total_pages":%d,"links":{}}}}""".formatted(data, total, ids.length, page, totalPages);
    }

    static String error(String code, int status, String detail) {
        return """
                {"errors":[{"code":"%s","status":"%d","detail":"%s"}]}""".formatted(code, status, detail);
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** A client of the panel at `url` with the test key and a 2 s connect timeout. */
    static PanelClient client(java.net.URI url, RetryPolicy retry, java.time.Duration readTimeout) {
        return new PanelClient(new PanelConfig(url, ApiKey.of(KEY), java.time.Duration.ofSeconds(2), readTimeout, false),
                retry);
    }

    static MockResponse ok(String body) {
        return json(200, body);
    }

    private Fixtures() {
    }
}
