package dev.portdeck.shared.sim.games;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/** Two responders on one port number, TCP and UDP, as FiveM's and SRCDS's servers bind them. */
final class SamePort implements Responder {

    /** Tries to find a number free on both protocols when any port will do. */
    private static final int BIND_TRIES = 20;

    /** Starts one side at an address. */
    interface Side {
        Responder start(InetSocketAddress at) throws IOException;
    }

    private final Responder tcp;
    private final Responder udp;

    private SamePort(Responder tcp, Responder udp) {
        this.tcp = tcp;
        this.udp = udp;
    }

    /** TCP first (port 0 picks one), then UDP on the number TCP got; another number when that one is taken on UDP. */
    static Responder bind(InetSocketAddress at, Side tcpSide, Side udpSide) throws IOException {
        BindException last = null;
        for (int i = 0; i < (at.getPort() == 0 ? BIND_TRIES : 1); i++) {
            Responder tcp = tcpSide.start(at);
            try {
                return new SamePort(tcp, udpSide.start(tcp.address()));
            } catch (BindException taken) {
                tcp.close();
                last = taken;
            }
        }
        throw last;
    }

    @Override
    public InetSocketAddress address() {
        return tcp.address();
    }

    @Override
    public long answered() {
        return tcp.answered() + udp.answered();
    }

    @Override
    public void close() {
        tcp.close();
        udp.close();
    }
}
