import dev.portdeck.shared.sim.games.Game;
import dev.portdeck.shared.sim.games.Responder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark helper, run against the jar: starts PER_KIND game responders of each kind (the simulator's, which GameDig
 * reads in shared's tests) on 127.0.0.1, prints one "CHECK PORT" line each and then "READY", and stops them when its
 * stdin closes. Kinds: minecraft (Java status + ping/pong), bedrock (RakNet pong), a2s (Source; every other one asks
 * for the challenge and splits its reply), fivem (HTTP + getinfo).
 * Usage: java -cp tui/target/portdeck.jar bench/GameServers.java PER_KIND
 */
public class GameServers {
    public static void main(String[] args) throws Exception {
        int perKind = Integer.parseInt(args[0]);
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        List<Responder> running = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            Responder mc = new Game.MinecraftJava("Bench §a" + i, "Paper 1.20.4", 765, i, 20).start(any);
            Responder be = new Game.Bedrock("Bedrock " + i, "1.20.51", 630, i, 30, "level", "Survival").start(any);
            Responder src = new Game.Source("CS2 " + i, "de_dust2", "csgo", "Counter-Strike 2", 730, i, 24, 0,
                    "1.40.2.1", "secure", i % 2 == 0, i % 2 == 0).start(any);
            Responder fx = new Game.Fivem("FiveM " + i, "Roleplay", "Los Santos", i, 64,
                    "FXServer-master v1.0.0.7290 linux", List.of("mapmanager")).start(any);
            running.addAll(List.of(mc, be, src, fx));
            System.out.println("minecraft " + mc.port());
            System.out.println("bedrock " + be.port());
            System.out.println("a2s " + src.port());
            System.out.println("fivem " + fx.port());
        }
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the benchmark closes our stdin
        }
        running.forEach(Responder::close);
    }
}
