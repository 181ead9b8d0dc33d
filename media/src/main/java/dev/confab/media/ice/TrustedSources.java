package dev.confab.media.ice;

import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * The peer addresses DTLS and media are accepted from: remotes of valid pairs and sources of checks that passed
 * MESSAGE-INTEGRITY, so that a peer whose side connected first is not ignored. DTLS and SRTP authenticate what comes
 * in; this only keeps strangers' datagrams away from them. Bounded.
 *
 * <p>Thread contract: {@link #contains} from any thread (socket threads, lock-free); the others on the agent's
 * executor. Copy on write.
 */
final class TrustedSources {
    private final int limit;
    private volatile InetSocketAddress[] addresses = new InetSocketAddress[0];

    TrustedSources(int limit) {
        this.limit = limit;
    }

    /** Whether datagrams from {@code source} are accepted. */
    boolean contains(InetSocketAddress source) {
        for (InetSocketAddress address : addresses) {
            if (address.equals(source)) {
                return true;
            }
        }
        return false;
    }

    /** Accepts {@code source} from now on, unless {@code limit} addresses are trusted already. */
    void add(InetSocketAddress source) {
        InetSocketAddress[] current = addresses;
        if (current.length >= limit || contains(source)) {
            return;
        }
        InetSocketAddress[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = source;
        addresses = grown;
    }

    /** Trusts no one any more (consent was lost). */
    void clear() {
        addresses = new InetSocketAddress[0];
    }
}
