package dev.confab.media.ice;

import dev.confab.media.stun.StunClientTransactions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One local socket with what hangs off it: the host candidate it is the base of, and the STUN client transactions
 * sent from it (checks, consent, STUN server requests).
 *
 * <p>Thread contract: immutable references; {@link IceSocket} and {@link StunClientTransactions} are thread-safe.
 */
final class Base implements Route, AutoCloseable {
    final IceSocket socket;
    final LocalCandidate host;
    final int localPreference;
    final StunClientTransactions transactions;

    Base(IceSocket socket, LocalCandidate host, int localPreference, ScheduledExecutorService timers) {
        this.socket = socket;
        this.host = host;
        this.localPreference = localPreference;
        this.transactions = new StunClientTransactions(socket::send, timers);
    }

    @Override
    public LocalCandidate candidate() {
        return host;
    }

    @Override
    public int localPreference() {
        return localPreference;
    }

    @Override
    public StunClientTransactions transactions() {
        return transactions;
    }

    @Override
    public void send(byte[] buf, int off, int len, InetSocketAddress destination) throws IOException {
        socket.send(buf, off, len, destination);
    }

    @Override
    public void close() {
        transactions.close();
        socket.close();
    }
}
