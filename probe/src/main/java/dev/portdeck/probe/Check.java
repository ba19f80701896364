package dev.portdeck.probe;

import java.util.Locale;

/**
 * The question a probe asks a port. {@link #TCP} asks the kernel (does the handshake complete); the others ask the
 * service behind the port in its own protocol, so a hung game or a UDP-only game is told apart from a healthy one.
 * Choosing one for an allocation ("auto") is a separate rule; this is only what can be asked.
 */
public enum Check {
    TCP("tcp", Transport.TCP, "TCP connect"),
    UDP("udp", Transport.UDP, "UDP datagram"),
    MINECRAFT("minecraft", Transport.TCP, "Minecraft Java status"),
    BEDROCK("bedrock", Transport.UDP, "Minecraft Bedrock RakNet ping"),
    A2S("a2s", Transport.UDP, "Source A2S_INFO"),
    FIVEM("fivem", Transport.TCP, "FiveM/RedM info"),
    HTTP("http", Transport.TCP, "HTTP HEAD /"),
    HTTPS("https", Transport.TCP, "HTTPS HEAD /");

    /** How the question travels. */
    public enum Transport { TCP, UDP }

    private final String word;
    private final Transport transport;
    private final String title;

    Check(String word, Transport transport, String title) {
        this.word = word;
        this.transport = transport;
        this.title = title;
    }

    /** The name users type and JSON carries: tcp, udp, minecraft, bedrock, a2s, fivem, http, https. */
    public String word() {
        return word;
    }

    public Transport transport() {
        return transport;
    }

    /** A few words for help texts and detail panes. */
    public String title() {
        return title;
    }

    /** Whether this check asks the service itself (anything but a bare TCP connect or UDP datagram). */
    public boolean asksTheService() {
        return this != TCP && this != UDP;
    }

    /** The check named {@code word} (case-insensitive), or null. */
    public static Check parse(String word) {
        if (word == null) {
            return null;
        }
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (Check c : values()) {
            if (c.word.equals(w)) {
                return c;
            }
        }
        return null;
    }
}
