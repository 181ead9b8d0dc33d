package dev.confab.client.cli;

import dev.confab.protocol.rest.SessionInfo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code confab sessions list|revoke <id>}. */
@Command(name = "sessions", description = "List or revoke the account's signed-in sessions.")
final class SessionsCommand extends CommandBase {
    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", description = "List the signed-in sessions.")
    int list() {
        signedIn();
        List<SessionInfo> sessions = client().account().sessions();
        Printer out = out();
        out.table(List.of("SESSION", "DEVICE", "NAME", "SIGNED IN", "LAST USED", ""),
                sessions.stream().map(s -> List.of(s.sessionId(), s.deviceId(), s.deviceName(), when(s.createdAt()),
                        when(s.lastUsedAt()), s.current() ? "(this one)" : "")).toList());
        sessions.forEach(s -> out.object(Printer.obj("sessionId", s.sessionId(), "deviceId", s.deviceId(),
                "deviceName", s.deviceName(), "createdAt", s.createdAt(), "lastUsedAt", s.lastUsedAt(),
                "expiresAt", s.expiresAt(), "current", s.current())));
        return ExitCodes.OK;
    }

    @Command(name = "revoke", description = "Sign a session out.")
    int revoke(@Parameters(paramLabel = "SESSION_ID") String sessionId) {
        signedIn();
        client().account().revokeSession(sessionId);
        out().result("Session " + sessionId + " signed out.", Printer.obj("revoked", sessionId));
        return ExitCodes.OK;
    }
}
