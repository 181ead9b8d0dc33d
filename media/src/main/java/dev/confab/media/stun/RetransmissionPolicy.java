package dev.confab.media.stun;

import java.time.Duration;

/**
 * How a client transaction over UDP retransmits (RFC 8489 section 6.2.1): first after {@code initialRto}, each wait
 * twice the one before, {@code maxTransmissions} (Rc) sends in all, then {@code lastWaitMultiplier} (Rm) times the
 * initial RTO for a last response before timing out. Immutable.
 *
 * @param initialRto         wait after the first send
 * @param maxTransmissions   Rc: sends in all, the first included
 * @param lastWaitMultiplier Rm: the wait after the last send, in initial RTOs
 */
public record RetransmissionPolicy(Duration initialRto, int maxTransmissions, int lastWaitMultiplier) {
    /** RFC 8489's recommended values: RTO 500 ms, Rc 7, Rm 16, a timeout after 39.5 s. */
    public static final RetransmissionPolicy RFC_8489 = new RetransmissionPolicy(Duration.ofMillis(500), 7, 16);

    public RetransmissionPolicy {
        if (initialRto.isNegative() || initialRto.isZero() || maxTransmissions < 1 || lastWaitMultiplier < 1) {
            throw new IllegalArgumentException("need a positive RTO, Rc and Rm: " + initialRto + ", " + maxTransmissions
                    + ", " + lastWaitMultiplier);
        }
    }

    /** The wait after send number {@code sent} (1-based) before the next send, or before timing out after the last. */
    public Duration waitAfter(int sent) {
        return sent < maxTransmissions ? initialRto.multipliedBy(1L << Math.min(sent - 1, 30))
                : initialRto.multipliedBy(lastWaitMultiplier);
    }

    /** From the first send until the transaction times out: 39.5 s for {@link #RFC_8489}. */
    public Duration timeout() {
        Duration total = Duration.ZERO;
        for (int sent = 1; sent <= maxTransmissions; sent++) {
            total = total.plus(waitAfter(sent));
        }
        return total;
    }
}
