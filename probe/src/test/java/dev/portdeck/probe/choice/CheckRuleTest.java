package dev.portdeck.probe.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portdeck.probe.Check;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Egg;
import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.model.StartupVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The "auto" choice, one row per situation an admin meets: egg, variable, notes, well-known port, override. */
class CheckRuleTest {

    /** One situation: the server's egg/image/variables, the allocation, and what the rule must say. */
    private record Row(String egg, String image, List<String> variables, int port, boolean primary, String notes,
                       Check expected, String reasonContains) {
    }

    private static Row row(String egg, int port, boolean primary, String notes, Check expected, String reason,
                           String... variables) {
        return new Row(egg, null, List.of(variables), port, primary, notes, expected, reason);
    }

    private static final List<Row> ROWS = List.of(
            row("Paper", 25565, true, null, Check.MINECRAFT, "egg Paper → Minecraft Java status"),
            row("Purpur", 25566, true, null, Check.MINECRAFT, "egg Purpur"),
            row("Forge Minecraft", 25570, true, null, Check.MINECRAFT, "egg Forge Minecraft"),
            row("Fabric", 25565, true, null, Check.MINECRAFT, "Fabric"),
            row("Vanilla Minecraft", 25565, true, null, Check.MINECRAFT, "Vanilla"),
            row("Sponge (SpongeVanilla)", 25565, true, null, Check.MINECRAFT, "Sponge"),
            row("BungeeCord", 25577, true, null, Check.MINECRAFT, "BungeeCord"),
            row("Velocity", 25577, true, null, Check.MINECRAFT, "Velocity"),
            row("Waterfall", 25577, true, null, Check.MINECRAFT, "Waterfall"),
            row("Spigot", 25565, true, null, Check.MINECRAFT, "Spigot"),
            row("Vanilla Bedrock", 19132, true, null, Check.BEDROCK, "Bedrock"),
            row("PocketMine-MP", 19133, true, null, Check.BEDROCK, "PocketMine"),
            row("Nukkit", 19132, true, null, Check.BEDROCK, "Nukkit"),
            row("Counter-Strike 2", 27015, true, null, Check.A2S, "egg Counter-Strike 2 → Source A2S_INFO"),
            row("Counter-Strike: Global Offensive", 27015, true, null, Check.A2S, "Global Offensive"),
            row("Garry's Mod", 27015, true, null, Check.A2S, "Garry"),
            row("Team Fortress 2", 27015, true, null, Check.A2S, "Team Fortress"),
            row("Insurgency", 27015, true, null, Check.A2S, "Insurgency"),
            row("Left 4 Dead 2", 27015, true, null, Check.A2S, "Left 4 Dead"),
            row("Rust", 28015, true, null, Check.A2S, "egg Rust"),
            row("Ark: Survival Evolved", 27015, false, null, Check.A2S, "QUERY_PORT points here", "QUERY_PORT=27015"),
            row("Ark: Survival Evolved", 7777, true, null, Check.UDP, "QUERY_PORT", "QUERY_PORT=27015"),
            row("FiveM", 30120, true, null, Check.FIVEM, "egg FiveM → FiveM/RedM info"),
            row("RedM", 30120, true, null, Check.FIVEM, "RedM"),
            row("FiveM", 40120, false, "txAdmin", Check.HTTP, "TXADMIN_PORT points here", "TXADMIN_PORT=40120"),
            row("Paper", 25575, false, null, Check.TCP, "RCON_PORT points here: a TCP connect only, never a password",
                    "RCON_PORT=25575"),
            row("Rust", 28016, false, null, Check.TCP, "never a password", "RCON_PORT=28016"),
            row("Counter-Strike 2", 27020, false, "SourceTV", Check.TCP, "TV_PORT points here", "TV_PORT=27020"),
            row("Paper", 8123, false, "Dynmap web map", Check.HTTP, "notes say \"Dynmap web map\""),
            row("Paper", 8100, false, "BlueMap", Check.HTTP, "BlueMap"),
            row("Paper", 25580, false, "rcon", Check.TCP, "never a password"),
            row("Paper", 25599, false, null, Check.TCP, "an extra allocation of egg Paper"),
            row("Paper", 25565, false, "Query", Check.TCP, "extra allocation"),
            row("Paper", 25565, true, null, Check.UDP, "QUERY_PORT points here: a UDP datagram", "QUERY_PORT=25565"),
            row("Nginx", 8080, true, "HTTP", Check.HTTP, "notes say \"HTTP\""),
            row("Nginx", 8080, true, null, Check.TCP, "egg Nginx has no game check: TCP connect"),
            row("My Custom Server", 25565, true, null, Check.MINECRAFT, "egg My Custom Server has no game check; port 25565"),
            row(null, 25565, true, null, Check.MINECRAFT, "no egg known; port 25565 is the default of Minecraft"),
            row(null, 9000, true, null, Check.TCP, "no egg known: TCP connect"));

    private static Server server(Row r) {
        List<StartupVariable> variables = new ArrayList<>();
        for (String v : r.variables()) {
            String[] kv = v.split("=", 2);
            variables.add(new StartupVariable(kv[0], null, kv[0], null, kv[1], true, null));
        }
        List<Allocation> allocations = new ArrayList<>(List.of(new Allocation(1, "127.0.0.1", null, r.port(),
                r.notes(), r.primary())));
        for (String v : r.variables()) {
            int port = Integer.parseInt(v.split("=", 2)[1]);
            if (port != r.port()) {
                allocations.add(new Allocation(allocations.size() + 1, "127.0.0.1", null, port, null, false));
            }
        }
        return new Server("abcd1234", null, "S", "n", null, false, 5, allocations, Set.of("*"), false, false, r.image(),
                r.egg() == null ? null : new Egg(null, r.egg()), variables);
    }

    @Test
    void everyRowGetsItsCheckAndSaysWhy() {
        for (Row r : ROWS) {
            Server s = server(r);
            CheckChoice choice = CheckRule.choose(s, s.allocations().get(0), null);
            assertEquals(r.expected(), choice.check(), r + " → " + choice);
            assertEquals(true, choice.reason().contains(r.reasonContains()), r + " → " + choice.reason());
        }
    }

    @Test
    void theDockerImageNamesTheGameWhenTheEggIsUnknown() {
        Server s = new Server("abcd1234", null, "S", "n", null, false, 1,
                List.of(new Allocation(1, "127.0.0.1", null, 28015, null, true)), Set.of("*"), false, false,
                "ghcr.io/parkervcp/games:rust", null, List.of());
        assertEquals(new CheckChoice(Check.A2S, "image ghcr.io/parkervcp/games:rust → Source A2S_INFO"),
                CheckRule.choose(s, s.allocations().get(0), null));
    }

    @Test
    void anOverrideWinsOverEverything() {
        Row paper = ROWS.get(0);
        Server s = server(paper);
        CheckChoice mine = new CheckChoice(Check.TCP, "checks in the config file");
        assertEquals(mine, CheckRule.choose(s, s.allocations().get(0), mine));
    }

    @Test
    void withoutPanelDataOnlyTheWellKnownPortsGetAGameCheck() {
        assertEquals(Check.MINECRAFT, CheckRule.wellKnown(25565).check());
        assertEquals(Check.BEDROCK, CheckRule.wellKnown(19132).check());
        assertEquals(Check.A2S, CheckRule.wellKnown(27015).check());
        assertEquals(Check.FIVEM, CheckRule.wellKnown(30120).check());
        assertEquals(new CheckChoice(Check.TCP, "not a game's default port: TCP connect"), CheckRule.wellKnown(8080));
    }
}
