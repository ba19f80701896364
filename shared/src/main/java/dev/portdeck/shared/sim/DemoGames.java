package dev.portdeck.shared.sim;

import dev.portdeck.shared.sim.DemoWorld.Egg;
import dev.portdeck.shared.sim.DemoWorld.Variable;
import dev.portdeck.shared.sim.games.Game;
import java.util.List;

/** The eggs of the standard demo world (names, images and variables as the panels' stock and community eggs have them) and what its game ports answer. */
final class DemoGames {

    private DemoGames() {
    }

    private static final String JAVA_START = "java -Xms128M -XX:MaxRAMPercentage=95.0 -jar {{SERVER_JARFILE}}";

    static final Egg PAPER = new Egg("Paper", "ghcr.io/pterodactyl/yolks:java_21", JAVA_START, List.of(
            new Variable("MINECRAFT_VERSION", "Minecraft Version", "1.21", true),
            new Variable("SERVER_JARFILE", "Server Jar File", "server.jar", true),
            new Variable("BUILD_NUMBER", "Build Number", "latest", true)));
    static final Egg PURPUR = new Egg("Purpur", "ghcr.io/pterodactyl/yolks:java_21", JAVA_START, List.of(
            new Variable("MINECRAFT_VERSION", "Minecraft Version", "1.21", true),
            new Variable("SERVER_JARFILE", "Server Jar File", "server.jar", true)));
    static final Egg FORGE = new Egg("Forge Minecraft", "ghcr.io/pterodactyl/yolks:java_17",
            "java -Xms128M -XX:MaxRAMPercentage=95.0 @unix_args.txt", List.of(
            new Variable("MC_VERSION", "Minecraft Version", "1.20.1", true),
            new Variable("BUILD_TYPE", "Build Type", "recommended", true)));
    static final Egg FIVEM = new Egg("FiveM", "ghcr.io/pterodactyl/yolks:debian",
            "$(pwd)/alpine/opt/cfx-server/ld-musl-x86_64.so.1 --library-path \"$(pwd)/alpine/usr/lib/v8/:$(pwd)/alpine/lib/:"
                    + "$(pwd)/alpine/usr/lib/\" -- $(pwd)/alpine/opt/cfx-server/FXServer +set citizen_dir"
                    + " $(pwd)/alpine/opt/cfx-server/citizen/ +set sv_licenseKey {{FIVEM_LICENSE}} +set txAdminPort"
                    + " {{TXADMIN_PORT}} +set sv_maxclients {{MAX_PLAYERS}}", List.of(
            new Variable("MAX_PLAYERS", "Max Players", "64", true),
            new Variable("SERVER_HOSTNAME", "Server Name", "QBCore Roleplay", true),
            new Variable("TXADMIN_ENABLE", "Enable txAdmin", "1", true),
            new Variable("FIVEM_VERSION", "FiveM Version", "recommended", true)));
    static final Egg CS2 = new Egg("Counter-Strike 2", "ghcr.io/parkervcp/steamcmd:debian",
            "./game/bin/linuxsteamrt64/cs2 -dedicated -ip 0.0.0.0 -port {{SERVER_PORT}} +map {{SRCDS_MAP}}"
                    + " -maxplayers {{SRCDS_MAXPLAYERS}} +tv_port {{TV_PORT}}", List.of(
            new Variable("SRCDS_APPID", "App ID", "730", false),
            new Variable("SRCDS_MAP", "Default Map", "de_dust2", true),
            new Variable("SRCDS_MAXPLAYERS", "Max Players", "10", true)));
    static final Egg NGINX = new Egg("Nginx", "ghcr.io/parkervcp/yolks:nginx",
            "./start.sh", List.of(new Variable("PHP_VERSION", "PHP Version", "8.3", true)));
    static final Egg RUST = new Egg("Rust", "ghcr.io/parkervcp/games:rust",
            "./RustDedicated -batchmode +server.port {{SERVER_PORT}} +server.hostname \"{{HOSTNAME}}\""
                    + " +rcon.port {{RCON_PORT}} +rcon.web true +app.port {{APP_PORT}}", List.of(
            new Variable("HOSTNAME", "Server Name", "Rust Weekly | 2x", true),
            new Variable("LEVEL", "Level", "Procedural Map", true),
            new Variable("WORLD_SIZE", "World Size", "3500", true),
            new Variable("MAX_PLAYERS", "Max Players", "100", true)));
    static final Egg BEDROCK = new Egg("Vanilla Bedrock", "ghcr.io/parkervcp/yolks:debian",
            "./bedrock_server", List.of(
            new Variable("BEDROCK_VERSION", "Bedrock Version", "latest", true),
            new Variable("LEVEL_NAME", "Level Name", "Bedrock level", true),
            new Variable("GAMEMODE", "Game Mode", "survival", true)));
    static final Egg ARK = new Egg("Ark: Survival Evolved", "quay.io/parkervcp/pterodactyl-images:debian_source",
            "ShooterGameServer {{SERVER_MAP}}?listen?SessionName=\"{{SESSION_NAME}}\"?Port={{SERVER_PORT}}"
                    + "?QueryPort={{QUERY_PORT}}?RCONPort={{RCON_PORT}}?RCONEnabled={{ENABLE_RCON}}", List.of(
            new Variable("SERVER_MAP", "Server Map", "TheIsland", true),
            new Variable("SESSION_NAME", "Server Name", "The Island", true),
            new Variable("ENABLE_RCON", "Enable RCON", "true", true)));

    static final Game.MinecraftJava SURVIVAL = new Game.MinecraftJava("§aSurvival SMP§r - 40 slots", "Paper 1.21", 767,
            3, 40);
    static final Game.MinecraftJava CREATIVE = new Game.MinecraftJava("Creative Build", "Purpur 1.21", 767, 0, 20);
    static final Game.MinecraftJava SKYBLOCK = new Game.MinecraftJava("Modded Skyblock", "Forge 1.20.1", 763, 0, 20);
    static final Game.Web DYNMAP = new Game.Web("Minecraft Dynamic Map", "Dynmap");
    static final Game.Fivem ROLEPLAY = new Game.Fivem("QBCore Roleplay", "Roleplay", "Los Santos", 12, 64,
            "FXServer-master v1.0.0.7290 linux", List.of("qb-core", "oxmysql", "pma-voice"));
    static final Game.Web TXADMIN = new Game.Web("txAdmin", "txAdmin");
    static final Game COMPETITIVE = new Game.WithSilentTcp(new Game.Source("CS2 Competitive", "de_dust2", "csgo",
            "Counter-Strike 2", 730, 9, 10, 0, "1.40.2.3", "competitive,secure", true, false));
    static final Game.Web WEBSITE = new Game.Web("Community website", "nginx");
    static final Game.Source RUST_WEEKLY = new Game.Source("Rust Weekly | 2x", "Procedural Map", "rust", "Rust",
            252490, 37, 100, 0, "2548", "mp100,cp37,ptrak,qp0,v2548,h9a3e5f1,stok,born1717000000,gmrust,oxide",
            true, true);
    static final Game.Bedrock POCKET = new Game.Bedrock("Pocket Realm", "1.21.2", 712, 2, 10, "Bedrock level",
            "Survival");
    static final Game.Source THE_ISLAND = new Game.Source("The Island - (v358.24)", "TheIsland",
            "ark_survival_evolved", "ARK: Survival Evolved", 346110, 5, 70, 0, "1.0.0.0",
            "OWNINGID:90000000000000000,NUMOPENPUBCONN:65,P2PADDR:90000000000000000,SESSIONFLAGS:683", false, false);
}
