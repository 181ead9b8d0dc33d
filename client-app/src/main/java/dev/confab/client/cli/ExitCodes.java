package dev.confab.client.cli;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.NotSignedInException;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.keys.UntrustedKeyException;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;

/** The {@code confab} exit codes, and which failure maps to which. Stateless. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int AUTH = 3;
    public static final int NOT_FOUND = 4;
    public static final int FORBIDDEN = 5;
    public static final int UNREACHABLE = 6;
    public static final int CONFLICT = 7;
    public static final int RATE_LIMITED = 8;
    public static final int UNTRUSTED_KEY = 9;
    public static final int NOT_ANSWERED = 10;

    /** The help footer listing the codes. */
    public static final String FOOTER = """

            Exit codes:
              0  ok
              1  failure
              2  usage: wrong command, option or value
              3  not signed in, or authentication failed (wrong password, session ended)
              4  not found (no such user, request, session or device)
              5  forbidden (not contacts, blocked)
              6  server unreachable ('send' queued the message for the next 'sync',
                 or discarded it with --no-queue)
              7  conflict (username taken, already contacts, request exists,
                 too many devices)
              8  rate limited: wait and try again
              9  a contact's keys changed: compare safety numbers, then 'contacts trust';
                 for a call: identity mismatch, or the peer's device key is not trusted
             10  the call was not answered: declined, busy, no answer, not online,
                 cancelled, answered on another device, or no call came
            """;

    private ExitCodes() {}

    /** The exit code for a failure. */
    public static int of(Throwable failure) {
        if (failure instanceof UntrustedKeyException) {
            return UNTRUSTED_KEY;
        }
        if (failure instanceof NotSignedInException) {
            return AUTH;
        }
        if (failure instanceof ApiException api && api.unreachable()) {
            return UNREACHABLE;
        }
        ErrorCode code = failure instanceof ClientException c ? c.code()
                : failure instanceof ProtocolException p ? p.code() : null;
        if (code == null) {
            return FAILURE;
        }
        return switch (code) {
            case UNAUTHORIZED, WRONG_PASSWORD -> AUTH;
            case NOT_FOUND, USER_NOT_FOUND, CALL_NOT_FOUND -> NOT_FOUND;
            case FORBIDDEN, NOT_CONTACTS, BLOCKED -> FORBIDDEN;
            case CONFLICT, USERNAME_TAKEN, ALREADY_CONTACTS, REQUEST_EXISTS, IDENTITY_KEY_IMMUTABLE, DEVICE_MISMATCH, TOO_MANY_DEVICES,
                    INBOX_FULL -> CONFLICT;
            case RATE_LIMITED -> RATE_LIMITED;
            case INVALID_FIELD, INVALID_USERNAME, WEAK_PASSWORD, BAD_REQUEST -> USAGE;
            default -> FAILURE;
        };
    }
}
