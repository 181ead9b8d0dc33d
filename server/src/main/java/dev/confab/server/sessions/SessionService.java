package dev.confab.server.sessions;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.rest.SessionList;
import dev.confab.server.storage.Database;
import dev.confab.server.support.IdGenerator;
import dev.confab.server.ws.Notifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sessions: issues bearer tokens (32 random bytes as 43 base64url characters, {@code [A-Za-z0-9_-]}, which are
 * HTTP token characters and so fit a WebSocket subprotocol; only their SHA-256 is stored), resolves them to a
 * {@link Principal}, keeps {@code lastUsedAt} current (written at most once a minute per session), lists and
 * revokes them. A revoked session's WebSocket is told {@code session.revoked} and closed. Thread-safe.
 */
public final class SessionService {
    /** A freshly issued session: the token is shown to the client once. */
    public record Issued(String token, String sessionId, long expiresAt) {}

    /** The sentence every {@code 401 unauthorized} for a missing or bad token carries. */
    public static final String TOKEN_REQUIRED = "A valid session token is required (Authorization: Bearer)";

    private static final long TOUCH_INTERVAL_MS = Duration.ofMinutes(1).toMillis();
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 512;

    private final Database db;
    private final SessionRepository sessions = new SessionRepository();
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration ttl;
    private final Notifier notifier;

    public SessionService(Database db, IdGenerator ids, Clock clock, Duration ttl, Notifier notifier) {
        this.db = db;
        this.ids = ids;
        this.clock = clock;
        this.ttl = ttl;
        this.notifier = notifier;
    }

    /**
     * Creates a session for a device inside the caller's transaction, replacing the device's earlier sessions;
     * returns the ids of the replaced ones (the caller revokes them after committing).
     */
    public Issued create(Connection c, String userId, String deviceId, List<String> replacedOut) throws SQLException {
        long now = clock.millis();
        String token = ids.token(TOKEN_BYTES);
        SessionRecord record = new SessionRecord(ids.next("s"), userId, deviceId, now, now, now + ttl.toMillis());
        sessions.insert(c, record, TokenHash.of(token));
        replacedOut.addAll(sessions.deleteForDeviceExcept(c, deviceId, record.id()));
        return new Issued(token, record.id(), record.expiresAt());
    }

    /** The principal for an {@code Authorization} header value, or {@code 401 unauthorized}. */
    public Principal authenticate(String authorization) {
        return authenticateToken(bearer(authorization));
    }

    /**
     * The principal for a bare session token (as a browser sends it in a WebSocket subprotocol), or
     * {@code 401 unauthorized}: the same checks and answers as {@link #authenticate}.
     */
    public Principal authenticateToken(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw unauthorized();
        }
        long now = clock.millis();
        SessionRecord s = db.read(c -> sessions.byTokenHash(c, TokenHash.of(token))).orElseThrow(SessionService::unauthorized);
        if (s.expiresAt() <= now) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "The session expired; sign in again");
        }
        if (now - s.lastUsedAt() >= TOUCH_INTERVAL_MS) {
            db.write(c -> {
                sessions.touch(c, s.id(), now);
                return null;
            });
        }
        return new Principal(s.userId(), s.deviceId(), s.id());
    }

    /** Whether the session still exists (it may have been revoked since its token was checked). */
    public boolean isActive(String sessionId) {
        return db.read(c -> sessions.byId(c, sessionId)).isPresent();
    }

    public SessionList list(Principal p) {
        return new SessionList(db.read(c -> sessions.listForUser(c, p.userId(), p.sessionId())));
    }

    /** Signs out the caller's session. */
    public void revokeCurrent(Principal p) {
        db.write(c -> {
            sessions.delete(c, p.sessionId());
            return null;
        });
        notifier.sessionsRevoked(List.of(p.sessionId()));
    }

    /** Revokes one of the caller's own sessions; another user's (or an unknown) id is {@code 404 not_found}. */
    public void revoke(Principal p, String sessionId) {
        boolean deleted = db.write(c -> {
            var s = sessions.byId(c, sessionId);
            if (s.isEmpty() || !s.get().userId().equals(p.userId())) {
                return false;
            }
            sessions.delete(c, sessionId);
            return true;
        });
        if (!deleted) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "No such session");
        }
        notifier.sessionsRevoked(List.of(sessionId));
    }

    /** Deletes every session of the user but {@code keep}, in the caller's transaction; returns their ids. */
    public List<String> deleteOthers(Connection c, String userId, String keep) throws SQLException {
        return sessions.deleteForUserExcept(c, userId, keep);
    }

    /** Ids of the user's sessions, in the caller's transaction (before deleting the user). */
    public List<String> idsForUser(Connection c, String userId) throws SQLException {
        return sessions.idsForUser(c, userId);
    }

    /** Ids of the device's sessions, in the caller's transaction (before deleting the device). */
    public List<String> idsForDevice(Connection c, String deviceId) throws SQLException {
        return sessions.idsForDevice(c, deviceId);
    }

    /** Deletes expired sessions; run from a timer. Returns how many. */
    public int purgeExpired() {
        long now = clock.millis();
        return db.write(c -> sessions.deleteExpired(c, now));
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.length() > MAX_TOKEN_LENGTH
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized();
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty()) {
            throw unauthorized();
        }
        return token;
    }

    private static ProtocolException unauthorized() {
        return new ProtocolException(ErrorCode.UNAUTHORIZED, TOKEN_REQUIRED);
    }
}
