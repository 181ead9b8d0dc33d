package dev.confab.media.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link SecureTransport} has sent and refused, for call statistics and for tests that check every media packet
 * went out encrypted.
 *
 * <p>Thread contract: thread-safe counters.
 */
public final class TransportCounters {
    final AtomicLong protectedSent = new AtomicLong();
    final AtomicLong unprotected = new AtomicLong();
    final AtomicLong refusedBeforeKeys = new AtomicLong();
    final AtomicLong failedUnprotect = new AtomicLong();

    /** RTP and RTCP packets protected and handed to ICE. */
    public long protectedSent() {
        return protectedSent.get();
    }

    /** RTP and RTCP packets that passed authentication and were delivered. */
    public long unprotected() {
        return unprotected.get();
    }

    /** Media packets that arrived or were to be sent before DTLS gave keys: dropped. */
    public long refusedBeforeKeys() {
        return refusedBeforeKeys.get();
    }

    /** Received media packets SRTP refused (bad tag, replay, too short, too many SSRCs): dropped. */
    public long failedUnprotect() {
        return failedUnprotect.get();
    }
}
