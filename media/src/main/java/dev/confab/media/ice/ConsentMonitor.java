package dev.confab.media.ice;

import dev.confab.media.stun.RetransmissionPolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Consent freshness on the selected pair (RFC 7675): when the next consent check is due (randomized around the
 * interval), when the peer has been silent long enough to call the path DISCONNECTED, and when consent is lost.
 *
 * <p>Thread contract: confined to the agent's executor, except {@link #lost()}, which the send path reads, and
 * {@link #lastResponse()}, which statistics read.
 */
final class ConsentMonitor {
    /** One consent check: sent twice, 250 ms apart, then given a second; a later check follows anyway. */
    static final RetransmissionPolicy SINGLE_SHOT = new RetransmissionPolicy(Duration.ofMillis(250), 2, 4);

    private final IceAgentConfig config;
    private final RandomGenerator random;
    private volatile long lastResponse;
    private long nextCheck;
    private boolean running;
    private volatile boolean lost;

    ConsentMonitor(IceAgentConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    /** A pair was selected at {@code now}: consent is fresh. */
    void start(long now) {
        running = true;
        lost = false;
        lastResponse = now;
        nextCheck = now + jittered();
    }

    void stop() {
        running = false;
    }

    /** Whether a consent check is due at {@code now}; if so, schedules the one after. */
    boolean due(long now) {
        if (!running || now < nextCheck) {
            return false;
        }
        nextCheck = now + jittered();
        return true;
    }

    /**
     * The next instant after {@code now} at which the monitor has something to do: a check due, the peer silent for
     * {@link IceAgentConfig#disconnectAfter}, or consent expired; a second away while it is not running.
     */
    long nextDeadline(long now) {
        if (!running) {
            return now + 1_000_000_000L;
        }
        long next = nextCheck;
        long silentAt = lastResponse + config.disconnectAfter().toNanos() + 1;
        long expiresAt = lastResponse + config.consentExpiry().toNanos() + 1;
        if (silentAt > now) {
            next = Math.min(next, silentAt);
        }
        if (expiresAt > now) {
            next = Math.min(next, expiresAt);
        }
        return Math.max(next, now);
    }

    /** A consent check succeeded at {@code now}. */
    void refreshed(long now) {
        lastResponse = now;
        lost = false;
    }

    /** When the peer last answered a consent check (or the pair was selected), on {@link System#nanoTime()}. */
    long lastResponse() {
        return lastResponse;
    }

    /** Whether the peer has not answered for {@link IceAgentConfig#disconnectAfter}. */
    boolean silent(long now) {
        return running && now - lastResponse > config.disconnectAfter().toNanos();
    }

    /** Whether consent expired at {@code now}; once it has, nothing more is sent. */
    boolean lost(long now) {
        if (running && now - lastResponse > config.consentExpiry().toNanos()) {
            lost = true;
            running = false;
        }
        return lost;
    }

    /** Whether consent was lost: the send path stops. */
    boolean lost() {
        return lost;
    }

    /** The interval times a factor in [0.8, 1.2), as RFC 7675 section 5.1 asks. */
    private long jittered() {
        return (long) (config.consentInterval().toNanos() * (0.8 + 0.4 * random.nextDouble()));
    }
}
