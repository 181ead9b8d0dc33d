package dev.confab.server.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.server.limits.RateLimits;
import dev.confab.server.sessions.Principal;
import dev.confab.server.sessions.SessionService;
import java.util.function.Supplier;

/**
 * Resolves an {@code Authorization} header (of a request or a WebSocket upgrade), or a bare token (of a browser's
 * WebSocket upgrade), to the caller: a failure is {@code 401 unauthorized} and counts against the client address's
 * limit, a success against the session's. Thread-safe.
 */
public final class Authenticator {
    private final SessionService sessions;
    private final RateLimits limits;

    public Authenticator(SessionService sessions, RateLimits limits) {
        this.sessions = sessions;
        this.limits = limits;
    }

    public Principal authenticate(String authorization, String clientAddress) {
        return counted(() -> sessions.authenticate(authorization), clientAddress);
    }

    /** As {@link #authenticate}, for a token that came without the {@code Bearer} header around it. */
    public Principal authenticateToken(String token, String clientAddress) {
        return counted(() -> sessions.authenticateToken(token), clientAddress);
    }

    private Principal counted(Supplier<Principal> lookup, String clientAddress) {
        Principal principal;
        try {
            principal = lookup.get();
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
