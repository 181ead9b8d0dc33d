package dev.confab.server.limits;

import dev.confab.server.config.ServerConfig;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server's rate limits, built from configuration. {@link #signInPerUsername} also bounds the password checks
 * of password changes and account deletions, so no route offers more guesses (or more Argon2 work) per account than
 * signing in does. Thread-safe.
 */
public record RateLimits(RateLimiter signInPerUsername, RateLimiter signInPerAddress, RateLimiter registerPerAddress,
        RateLimiter requestsPerSession, RateLimiter requestsPerAddress, RateLimiter wsMessagesPerSession,
        RateLimiter userLookupsPerUser, RateLimiter contactRequestsPerUser) {

    public static RateLimits from(ServerConfig.Limits limits, Clock clock, Consumer<String> onReject) {
        return new RateLimits(
                new RateLimiter("sign_in_per_username", limits.signInPerUsername(), clock, onReject),
                new RateLimiter("sign_in_per_address", limits.signInPerAddress(), clock, onReject),
                new RateLimiter("register_per_address", limits.registerPerAddress(), clock, onReject),
                new RateLimiter("requests_per_session", limits.requestsPerSession(), clock, onReject),
                new RateLimiter("requests_per_address", limits.requestsPerAddress(), clock, onReject),
                new RateLimiter("ws_messages_per_session", limits.wsMessagesPerSession(), clock, onReject),
                new RateLimiter("user_lookups_per_user", limits.userLookupsPerUser(), clock, onReject),
                new RateLimiter("contact_requests_per_user", limits.contactRequestsPerUser(), clock, onReject));
    }

    /** Forgets idle buckets of every limit; run from a timer. */
    public void sweep() {
        List.of(signInPerUsername, signInPerAddress, registerPerAddress, requestsPerSession, requestsPerAddress,
                wsMessagesPerSession, userLookupsPerUser, contactRequestsPerUser).forEach(RateLimiter::sweep);
    }
}
