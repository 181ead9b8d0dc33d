package dev.confab.server.sessions;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.rest.LoginRequest;
import dev.confab.protocol.rest.LoginResponse;
import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.accounts.PasswordHashing;
import dev.confab.server.accounts.UserRecord;
import dev.confab.server.accounts.UsernameRules;
import dev.confab.server.devices.DeviceRecord;
import dev.confab.server.devices.DeviceRepository;
import dev.confab.server.limits.RateLimits;
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
 * Signing in: rate limited per username and per address; an unknown username and a wrong password get the same
 * {@code wrong_password} after the same work (a dummy hash is verified); a hash made with older parameters is
 * replaced. The session belongs to the named device when it is the user's, else to a new device, unless the
 * user has {@code maxDevices} already ({@code too_many_devices}); the device's previous session is revoked.
 * Thread-safe.
 */
public final class SignInService {
    private final Database db;
    private final AccountRepository accounts;
    private final DeviceRepository devices;
    private final SessionService sessions;
    private final PasswordHashing hashing;
    private final RateLimits limits;
    private final Notifier notifier;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxDevices;

    public SignInService(Database db, AccountRepository accounts, DeviceRepository devices, SessionService sessions,
            PasswordHashing hashing, RateLimits limits, Notifier notifier, IdGenerator ids, Clock clock,
            int maxDevices) {
        this.db = db;
        this.accounts = accounts;
        this.devices = devices;
        this.sessions = sessions;
        this.hashing = hashing;
        this.limits = limits;
        this.notifier = notifier;
        this.ids = ids;
        this.clock = clock;
        this.maxDevices = maxDevices;
    }

    public LoginResponse signIn(LoginRequest request, String clientAddress) {
        String username = UsernameRules.normalize(request.username());
        limits.signInPerAddress().check(clientAddress);
        limits.signInPerUsername().check(username);
        char[] password = request.password().toCharArray();
        String deviceName = PlainText.check(request.deviceName(), "deviceName");
        Optional<UserRecord> found = UsernameRules.isValid(username)
                ? db.read(c -> accounts.byUsername(c, username)) : Optional.empty();
        if (found.isEmpty()) {
            hashing.verifyDummy(password);
            throw wrongPassword();
        }
        UserRecord user = found.get();
        if (!hashing.verify(password, user.passwordHash())) {
            throw wrongPassword();
        }
        String rehash = hashing.needsRehash(user.passwordHash()) ? hashing.hash(password) : null;
        List<String> replaced = new ArrayList<>();
        LoginResponse response = db.write(c -> {
            replaced.clear();
            if (rehash != null) {
                accounts.updatePasswordHash(c, user.id(), rehash);
            }
            long now = clock.millis();
            String deviceId = request.deviceId() == null ? null : devices.byId(c, request.deviceId())
                    .filter(d -> d.userId().equals(user.id())).map(DeviceRecord::id).orElse(null);
            if (deviceId == null) {
                accounts.lock(c, user.id());
                if (devices.count(c, user.id()) >= maxDevices) {
                    throw new ProtocolException(ErrorCode.TOO_MANY_DEVICES, "This account has the most devices allowed ("
                            + maxDevices + "). Sign in with the deviceId of one of them, or remove one"
                            + " (DELETE /api/v1/devices/{deviceId}) from a signed-in device.",
                            Map.of("maxDevices", maxDevices));
                }
                deviceId = ids.next("d");
                devices.insert(c, deviceId, user.id(), deviceName.isEmpty() ? "device" : deviceName, now);
            }
            SessionService.Issued issued = sessions.create(c, user.id(), deviceId, replaced);
            return new LoginResponse(issued.token(), issued.sessionId(), user.id(), user.username(), deviceId,
                    issued.expiresAt());
        });
        notifier.sessionsRevoked(replaced);
        return response;
    }

    private static ProtocolException wrongPassword() {
        return new ProtocolException(ErrorCode.WRONG_PASSWORD, "The username or the password is not correct");
    }
}
