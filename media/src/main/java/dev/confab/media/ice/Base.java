package dev.confab.media.ice;

import dev.confab.media.stun.StunClientTransactions;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One local socket with what hangs off it: the host candidate it is the base of, and the STUN client transactions
 * sent from it (checks, consent, STUN server requests).
 *
 * <p>Thread contract: immutable references; {@link IceSocket} and {@link StunClientTransactions} are thread-safe.
 */
final class Base implements AutoCloseable {
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
    public void close() {
        transactions.close();
        socket.close();
    }
}
