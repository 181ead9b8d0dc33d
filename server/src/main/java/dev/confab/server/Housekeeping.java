package dev.confab.server;

import dev.confab.server.contacts.ContactService;
import dev.confab.server.devices.DeviceService;
import dev.confab.server.sessions.SessionService;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database chores that keep storage bounded: expired sessions, devices unused for {@code deviceExpiry} (with
 * their inboxes), and contact requests settled more than {@link #SETTLED_REQUESTS_KEPT} ago. The server runs it on
 * its background executor at start and every hour; a chore that fails is logged and tried again on the next run.
 * Runs never overlap (one timer starts them, each after the previous returned). Thread-safe.
 */
final class Housekeeping implements Runnable {
    /** How long a declined, cancelled or accepted request is kept (the decline cooldown needs it for a day). */
    static final Duration SETTLED_REQUESTS_KEPT = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final SessionService sessions;
    private final DeviceService devices;
    private final ContactService contacts;
    private final Predicate<String> connected;
    private final Duration deviceExpiry;
    private final Clock clock;

    /** @param connected whether a device has an open connection now (it is in use, however old its records) */
    Housekeeping(SessionService sessions, DeviceService devices, ContactService contacts, Predicate<String> connected,
            Duration deviceExpiry, Clock clock) {
        this.sessions = sessions;
        this.devices = devices;
        this.contacts = contacts;
        this.connected = connected;
        this.deviceExpiry = deviceExpiry;
        this.clock = clock;
    }

    @Override
    public void run() {
        long now = clock.millis();
        chore("expired sessions", sessions::purgeExpired);
        chore("unused devices", () -> devices.expireUnusedSince(now - deviceExpiry.toMillis(), connected));
        chore("settled contact requests", () -> contacts.purgeSettledBefore(now - SETTLED_REQUESTS_KEPT.toMillis()));
    }

    private static void chore(String what, Chore chore) {
        try {
            int removed = chore.run();
            if (removed > 0) {
                LOG.info("Housekeeping removed {} {}", removed, what);
            }
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping of {} failed; it runs again in an hour: {}", what, e.toString());
        }
    }

    @FunctionalInterface
    private interface Chore {
        int run();
    }
}
