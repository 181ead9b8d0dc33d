package dev.confab.media.stun;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Where STUN and TURN clients send datagrams: the socket of a local candidate, owned by the ICE agent, or a TURN
 * relay wrapping them for a peer. The clients never own a socket themselves.
 *
 * <p>Thread contract: implementations must accept calls from any thread (timers and callers), and must not keep
 * {@code buf} after returning.
 */
@FunctionalInterface
public interface DatagramSender {

    /** Sends {@code len} bytes at {@code off} as one datagram to {@code destination}; best effort, like UDP. */
    void send(byte[] buf, int off, int len, InetSocketAddress destination) throws IOException;
}
