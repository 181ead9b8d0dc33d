package dev.confab.server.accounts;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.rest.Account;
import dev.confab.protocol.rest.ChangePasswordRequest;
import dev.confab.protocol.rest.DeleteAccountRequest;
import dev.confab.protocol.rest.RegisterRequest;
import dev.confab.protocol.rest.UserSummary;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.contacts.ContactRepository;
import dev.confab.server.limits.RateLimiter;
import dev.confab.server.sessions.Principal;
import dev.confab.server.sessions.SessionService;
import dev.confab.server.storage.DataAccessException;
import dev.confab.server.storage.Database;
import dev.confab.server.support.IdGenerator;
import dev.confab.server.support.PlainText;
import dev.confab.server.ws.Notifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts: registering (username rules, password policy, Argon2id), reading one's own account, changing the
 * password (every other session is revoked) and deleting the account with all its data (its contacts are told
 * {@code contact.removed}). Changing the password and deleting the account check the current one under the
 * sign-in limit per username, before any Argon2 work, so a stolen session gets no more guesses than signing in
 * would and cannot hog the hashing permits sign-ins need. Password hashing runs outside database transactions.
 * Thread-safe.
 */
public final class AccountService {
    private final Database db;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final SessionService sessions;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final RateLimiter passwordChecks;
    private final Notifier notifier;
    private final IdGenerator ids;
    private final Clock clock;

    public AccountService(Database db, AccountRepository accounts, ContactRepository contacts, SessionService sessions,
            PasswordHashing hashing, PasswordPolicy policy, RateLimiter passwordChecks, Notifier notifier, IdGenerator ids,
            Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.contacts = contacts;
        this.sessions = sessions;
        this.hashing = hashing;
        this.policy = policy;
        this.passwordChecks = passwordChecks;
        this.notifier = notifier;
        this.ids = ids;
        this.clock = clock;
    }

    public Account register(RegisterRequest request) {
        String username = UsernameRules.check(request.username());
        policy.check(request.password(), username);
        if (db.read(c -> accounts.byUsername(c, username)).isPresent()) {
            throw taken();
        }
        String requested = PlainText.check(request.displayName(), "displayName");
        String displayName = requested == null || requested.isEmpty() ? username : requested;
        UserRecord user = new UserRecord(ids.next("u"), username, displayName,
                hashing.hash(request.password().toCharArray()), clock.millis());
        try {
            db.write(c -> {
                accounts.insert(c, user);
                return null;
            });
        } catch (DataAccessException.UniqueViolation e) {
            throw taken();
        }
        return user.account();
    }

    public Account me(Principal p) {
        return db.read(c -> accounts.byId(c, p.userId())).map(UserRecord::account)
                .orElseThrow(() -> new ProtocolException(ErrorCode.UNAUTHORIZED, "The account no longer exists"));
    }

    /** Exact-username lookup, for adding a contact. */
    public UserSummary find(String username) {
        String normalized = UsernameRules.normalize(username);
        var found = UsernameRules.isValid(normalized) ? db.read(c -> accounts.byUsername(c, normalized)) : Optional.<UserRecord>empty();
        return found.map(UserRecord::summary).orElseThrow(() -> new ProtocolException(ErrorCode.USER_NOT_FOUND, "No user has that username"));
    }

    public void changePassword(Principal p, ChangePasswordRequest request) {
        UserRecord user = current(p);
        requirePassword(request.currentPassword(), user);
        policy.check(request.newPassword(), user.username());
        String hash = hashing.hash(request.newPassword().toCharArray());
        List<String> revoked = db.write(c -> {
            accounts.updatePasswordHash(c, user.id(), hash);
            return sessions.deleteOthers(c, user.id(), p.sessionId());
        });
        notifier.sessionsRevoked(revoked);
    }

    public void delete(Principal p, DeleteAccountRequest request) {
        UserRecord user = current(p);
        requirePassword(request.password(), user);
        List<String> revoked = new ArrayList<>();
        List<String> formerContacts = db.write(c -> {
            revoked.clear();
            revoked.addAll(sessions.idsForUser(c, user.id()));
            List<String> ids = contacts.contactIds(c, user.id());
            accounts.delete(c, user.id());
            return ids;
        });
        notifier.toUsers(formerContacts, new ServerMessage.ContactRemoved(user.id()));
        notifier.sessionsRevoked(revoked);
    }

    private UserRecord current(Principal p) {
        return db.read(c -> accounts.byId(c, p.userId()))
                .orElseThrow(() -> new ProtocolException(ErrorCode.UNAUTHORIZED, "The account no longer exists"));
    }

    private void requirePassword(String password, UserRecord user) {
        passwordChecks.check(user.username());
        if (!hashing.verify(password.toCharArray(), user.passwordHash())) {
            throw new ProtocolException(ErrorCode.WRONG_PASSWORD, "The password is not correct");
        }
    }

    private static ProtocolException taken() {
        return new ProtocolException(ErrorCode.USERNAME_TAKEN, "That username is taken", Map.of("field", "username"));
    }
}
