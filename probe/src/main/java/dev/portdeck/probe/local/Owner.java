package dev.portdeck.probe.local;

/** Who holds a socket, as far as this user may see: found through {@code /proc/<pid>/fd/*} → {@code socket:[inode]}. */
public sealed interface Owner {

    /**
     * A process.
     *
     * @param pid          its process id
     * @param name         its command name ({@code /proc/<pid>/comm}): "java", "docker-proxy"
     * @param dockerTarget for Docker's userland proxy, the container address it forwards to ("172.18.0.5:25565"),
     *                     else null
     */
    record Process(long pid, String name, String dockerTarget) implements Owner {
        @Override
        public String text() {
            return name + (dockerTarget == null ? "" : " → " + dockerTarget) + " (pid " + pid + ")";
        }
    }

    /** Some processes' descriptors could not be read: other users' need root or CAP_SYS_PTRACE. */
    record NotPermitted() implements Owner {
        @Override
        public String name() {
            return "unknown process";
        }

        @Override
        public String text() {
            return "unknown process (not permitted)";
        }
    }

    /** Every process was searched and none holds it: a socket of the kernel or of another PID namespace. */
    record NoProcess() implements Owner {
        @Override
        public String name() {
            return "no process";
        }

        @Override
        public String text() {
            return "no process found (kernel or another PID namespace)";
        }
    }

    /** A short name for sentences: "java", "docker-proxy", "unknown process". */
    String name();

    /** The full description: "java (pid 4242)", "docker-proxy → 172.18.0.5:25565 (pid 811)". */
    String text();

    /** Docker's userland proxy, which accepts connections even when the game in its container is dead. */
    default boolean isDockerProxy() {
        return this instanceof Process p && p.name().equals("docker-proxy");
    }
}
