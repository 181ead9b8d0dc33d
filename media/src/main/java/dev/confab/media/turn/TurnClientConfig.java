package dev.confab.media.turn;

import dev.confab.media.stun.RetransmissionPolicy;
import java.time.Duration;

/**
 * Settings of a {@link TurnClient}. Permissions last 5 minutes and channel bindings 10 (RFC 8656 sections 9 and 12),
 * so the defaults refresh them after 4 and 9; the allocation is refreshed {@code allocationRefreshMargin} before it
 * expires (half-way for lifetimes under twice the margin). Tests shorten these to see refreshes happen. Immutable.
 *
 * @param credentials             the long-term credentials
 * @param permissionRefresh       time between CreatePermission refreshes, under 5 minutes
 * @param channelRefresh          time between ChannelBind refreshes, under 10 minutes
 * @param allocationRefreshMargin how long before expiry the allocation is refreshed
 * @param retransmission          timers of every request to the server
 * @param padChannelData          whether ChannelData is padded to four bytes (optional over UDP)
 */
public record TurnClientConfig(TurnCredentials credentials, Duration permissionRefresh, Duration channelRefresh,
        Duration allocationRefreshMargin, RetransmissionPolicy retransmission, boolean padChannelData) {

    public TurnClientConfig {
        if (!positive(permissionRefresh) || permissionRefresh.compareTo(Duration.ofMinutes(5)) >= 0
                || !positive(channelRefresh) || channelRefresh.compareTo(Duration.ofMinutes(10)) >= 0
                || !positive(allocationRefreshMargin)) {
            throw new IllegalArgumentException("refresh permissions within 5 min and channels within 10, after > 0");
        }
    }

    /** RFC-minded defaults for these credentials. */
    public static TurnClientConfig of(TurnCredentials credentials) {
        return new TurnClientConfig(credentials, Duration.ofMinutes(4), Duration.ofMinutes(9), Duration.ofMinutes(1),
                RetransmissionPolicy.RFC_8489, false);
    }

    public TurnClientConfig withRefreshIntervals(Duration permission, Duration channel, Duration allocationMargin) {
        return new TurnClientConfig(credentials, permission, channel, allocationMargin, retransmission, padChannelData);
    }

    public TurnClientConfig withRetransmission(RetransmissionPolicy policy) {
        return new TurnClientConfig(credentials, permissionRefresh, channelRefresh, allocationRefreshMargin, policy,
                padChannelData);
    }

    public TurnClientConfig withPaddedChannelData(boolean pad) {
        return new TurnClientConfig(credentials, permissionRefresh, channelRefresh, allocationRefreshMargin,
                retransmission, pad);
    }

    /** When to refresh an allocation granted for {@code lifetime}. */
    Duration refreshDelay(Duration lifetime) {
        return lifetime.compareTo(allocationRefreshMargin.multipliedBy(2)) > 0 ? lifetime.minus(allocationRefreshMargin)
                : lifetime.dividedBy(2);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
