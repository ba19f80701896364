package dev.portdeck.probe.local;

import java.util.List;

/**
 * Docker's userland proxy, {@code docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 25565 -container-ip 172.18.0.5
 * -container-port 25565}: on the node it holds the published port and accepts connections whether or not the game in
 * the container answers (moby#16976), so where it forwards is worth showing.
 */
final class DockerProxy {

    private DockerProxy() {
    }

    /** "172.18.0.5:25565" ("[fd00::5]:25565" for IPv6) from its arguments, or null when they do not say. */
    static String target(List<String> args) {
        String ip = flag(args, "container-ip");
        String port = flag(args, "container-port");
        if (ip == null || port == null) {
            return null;
        }
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }

    /** A Go flag's value: {@code -name value}, {@code --name value}, {@code -name=value} or {@code --name=value}. */
    private static String flag(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String bare = arg.startsWith("--") ? arg.substring(2) : arg.startsWith("-") ? arg.substring(1) : null;
            if (bare == null) {
                continue;
            }
            if (bare.equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (bare.startsWith(name + "=")) {
                return bare.substring(name.length() + 1);
            }
        }
        return null;
    }
}
