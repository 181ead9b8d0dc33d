package dev.confab.server.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.server.limits.RateLimits;
import dev.confab.server.sessions.Principal;
import dev.confab.server.sessions.SessionService;

/**
 * Resolves an {@code Authorization} header (of a request or a WebSocket upgrade) to the caller: a failure is
 * {@code 401 unauthorized} and counts against the client address's limit, a success against the session's.
 * Thread-safe.
 */
public final class Authenticator {
    private final SessionService sessions;
    private final RateLimits limits;

    public Authenticator(SessionService sessions, RateLimits limits) {
        this.sessions = sessions;
        this.limits = limits;
    }

    public Principal authenticate(String authorization, String clientAddress) {
        Principal principal;
        try {
            principal = sessions.authenticate(authorization);
        } catch (ProtocolException e) {
            if (e.code() == ErrorCode.UNAUTHORIZED) {
                limits.requestsPerAddress().check(clientAddress);
            }
            throw e;
        }
        limits.requestsPerSession().check(principal.sessionId());
        return principal;
    }
}
