package dev.confab.media.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * A media section's direction attribute (RFC 3264 section 5.1, RFC 8866 section 6.7): whether this side sends and
 * whether it receives. Absent means {@code sendrecv}.
 */
public enum Direction {
    /** Sends and receives. */
    SENDRECV(true, true),
    /** Sends only. */
    SENDONLY(true, false),
    /** Receives only. */
    RECVONLY(false, true),
    /** Neither. */
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    /** The direction that sends and receives as asked. */
    public static Direction of(boolean sends, boolean receives) {
        for (Direction direction : values()) {
            if (direction.sends == sends && direction.receives == receives) {
                return direction;
            }
        }
        throw new AssertionError("all four combinations are directions");
    }

    /** The direction named by an attribute name ({@code sendrecv}, ...), if it is one. */
    public static Optional<Direction> fromAttributeName(String name) {
        return Tokens.named(values(), Direction::sdpValue, name);
    }

    /** Whether this side sends. */
    public boolean sends() {
        return sends;
    }

    /** Whether this side receives. */
    public boolean receives() {
        return receives;
    }

    /** The same flow seen from the other side: {@code sendonly} becomes {@code recvonly}. */
    public Direction reversed() {
        return of(receives, sends);
    }

    /** Only what both allow: what an answer may say given an offer's reversed direction (RFC 3264 section 6.1). */
    public Direction and(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    /** The attribute name: {@code sendrecv}, {@code sendonly}, {@code recvonly} or {@code inactive}. */
    public String sdpValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
