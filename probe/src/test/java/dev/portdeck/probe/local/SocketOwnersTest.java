package dev.portdeck.probe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portdeck.probe.TestNamespace;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who holds a socket: Docker's proxy with where it forwards, and a process this user may not look into. */
class SocketOwnersTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "skipped: needs Linux's /proc/net");
    }

    @Test
    void dockerProxysTargetComesFromItsArgumentsInEveryGoFlagForm() {
        assertEquals("172.18.0.5:25565", DockerProxy.target(List.of("/usr/bin/docker-proxy", "-proto", "tcp",
                "-host-ip", "0.0.0.0", "-host-port", "25565", "-container-ip", "172.18.0.5", "-container-port",
                "25565")));
        assertEquals("[fd00:dead::5]:19132", DockerProxy.target(List.of("docker-proxy", "--container-ip=fd00:dead::5",
                "--container-port", "19132", "-use-listen-fd")));
        assertEquals(null, DockerProxy.target(List.of("docker-proxy", "-container-ip", "172.18.0.5")));
        assertEquals(List.of("docker-proxy", "-proto", "udp"),
                SocketOwners.arguments("docker-proxy\0-proto\0udp\0".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aProcessNamedDockerProxyIsShownWithTheContainerItForwardsTo(@TempDir Path bin) throws Exception {
        // a real process whose command name is docker-proxy: the JVM started through a link of that name
        Path proxy = Files.createSymbolicLink(bin.resolve("docker-proxy"), Path.of(FixtureProcess.java()));
        try (FixtureProcess docker = FixtureProcess.start(List.of(), proxy.toString(), "--bind", "tcp", "127.0.0.1",
                "0", "-proto", "tcp", "-container-ip", "172.18.0.5", "-container-port", "25565")) {
            int port = docker.boundPort(0);
            Listening.Bound bound = (Listening.Bound) ListeningSnapshot.take()
                    .lookup(new Endpoint(InetAddress.getByName("127.0.0.1"), port));
            assertEquals(List.of(new Owner.Process(docker.pid(), "docker-proxy", "172.18.0.5:25565")), bound.owners());
            assertEquals("docker-proxy → 172.18.0.5:25565 (pid " + docker.pid() + ")", bound.owners().get(0).text());
        } finally {
            Files.delete(proxy);
        }
    }

    @Test
    void anotherUsersProcessIsUnknownNotPermittedForAnUnprivilegedUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "skipped: needs root to run a process as nobody");
        String setpriv = TestNamespace.which("setpriv");
        assumeTrue(setpriv != null, "skipped: needs setpriv (util-linux)");
        List<String> asNobody = List.of(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups");
        assumeTrue(FixtureProcess.canRun(asNobody),
                "skipped: the user nobody cannot read this build's classes (a checkout in a private directory)");
        try (ServerSocket mine = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            String asked = "127.0.0.1:" + mine.getLocalPort();
            try (FixtureProcess nobody = FixtureProcess.start(asNobody, FixtureProcess.java(),
                    "--ask", "127.0.0.1", String.valueOf(mine.getLocalPort()))) {
                assertEquals("listening unknown process (not permitted)", nobody.asked(asked),
                        "nobody sees the socket but may not look into root's descriptors");
            }
        }
    }
}
