package dev.portdeck.probe.check;

import java.nio.ByteBuffer;

/** The plain {@code udp} check: one datagram (empty unless configured); any reply means open. */
final class UdpDatagram implements Conversation {

    private final byte[] payload;

    UdpDatagram(byte[] payload) {
        this.payload = payload == null ? new byte[0] : payload.clone();
    }

    @Override
    public Wire wire() {
        return Wire.UDP;
    }

    @Override
    public Step open(long now) {
        return new Step.Send(ByteBuffer.wrap(payload));
    }

    @Override
    public Step receive(ByteBuffer bytes, long now) {
        return new Step.Answered(null, null);
    }

    @Override
    public Step timeUp(long now) {
        return new Step.Failed("no reply to the datagram");
    }
}
