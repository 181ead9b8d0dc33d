package dev.confab.server.presence;

import dev.confab.protocol.PresenceState;
import dev.confab.protocol.rest.PresenceInfo;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.contacts.ContactRepository;
import dev.confab.server.devices.DeviceRecord;
import dev.confab.server.devices.DeviceRepository;
import dev.confab.server.metrics.ServerMetrics;
import dev.confab.server.sessions.Principal;
import dev.confab.server.storage.Database;
import dev.confab.server.ws.Notifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Presence as contacts see it: follows devices connecting, disconnecting and choosing a state, and pushes each
 * change of a user's combined presence to their contacts that no block separates from them. The audience is read
 * before the change and the events are queued in the order of the user's changes (after the user's lock is
 * released), so one user's changes reach every contact in order. Thread-safe.
 */
public final class PresenceService {
    private static final PresenceInfo HIDDEN = new PresenceInfo(PresenceState.OFFLINE, 0);

    private final Database db;
    private final ContactRepository contacts;
    private final DeviceRepository devices;
    private final PresenceTracker tracker;
    private final Notifier notifier;
    private final ServerMetrics metrics;
    private final Clock clock;

    public PresenceService(Database db, ContactRepository contacts, DeviceRepository devices, PresenceTracker tracker,
            Notifier notifier, ServerMetrics metrics, Clock clock) {
        this.db = db;
        this.contacts = contacts;
        this.devices = devices;
        this.tracker = tracker;
        this.notifier = notifier;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A device's WebSocket opened: it counts with its remembered state. */
    public void deviceConnected(Principal p) {
        long now = clock.millis();
        PresenceState chosen = db.write(c -> {
            devices.setLastSeen(c, p.deviceId(), now);
            return devices.byId(c, p.deviceId()).map(DeviceRecord::presence).orElse(PresenceState.ONLINE);
        });
        List<String> audience = audience(p.userId());
        tracker.connected(p.userId(), p.deviceId(), chosen, info -> fanOut(p.userId(), audience, info));
    }

    /** A device's WebSocket closed. */
    public void deviceDisconnected(Principal p) {
        long now = clock.millis();
        db.write(c -> {
            devices.setLastSeen(c, p.deviceId(), now);
            return null;
        });
        List<String> audience = audience(p.userId());
        tracker.disconnected(p.userId(), p.deviceId(), now, info -> fanOut(p.userId(), audience, info));
    }

    /** The device chose a state: remembered for it, and shown while it is connected. */
    public void choose(Principal p, PresenceState state) {
        db.write(c -> {
            devices.setPresence(c, p.deviceId(), state);
            return null;
        });
        List<String> audience = audience(p.userId());
        tracker.chose(p.userId(), p.deviceId(), state, info -> fanOut(p.userId(), audience, info));
    }

    /** Each contact's presence as {@code viewerId} may see it (offline, never seen, across a block). */
    public Map<String, PresenceInfo> ofContacts(String viewerId) {
        return db.read(c -> {
            Map<String, Long> lastSeen = contacts.lastSeenOfContacts(c, viewerId);
            Set<String> visible = new HashSet<>(contacts.visibleContactIds(c, viewerId));
            Map<String, PresenceInfo> out = new HashMap<>();
            for (String contact : contacts.contactIds(c, viewerId)) {
                out.put(contact, visible.contains(contact) ? presenceOf(contact, lastSeen.getOrDefault(contact, 0L)) : HIDDEN);
            }
            return out;
        });
    }

    /** The {@code presence} events a newly connected client of {@code userId} gets after {@code welcome}. */
    public List<ServerMessage> snapshot(String userId) {
        List<ServerMessage> out = new ArrayList<>();
        ofContacts(userId).forEach((contact, info) ->
                out.add(new ServerMessage.Presence(contact, info.state(), info.lastSeenAt())));
        return out;
    }

    /** Pushes {@code subjectId}'s real presence to {@code viewerId} (a contact was added or unblocked). */
    public void show(String viewerId, String subjectId) {
        long lastSeen = db.read(c -> devices.lastSeen(c, subjectId));
        PresenceInfo info = presenceOf(subjectId, lastSeen);
        notifier.toUser(viewerId, new ServerMessage.Presence(subjectId, info.state(), info.lastSeenAt()));
    }

    /** Pushes "offline, never seen" for {@code subjectId} to {@code viewerId} (a block now separates them). */
    public void hide(String viewerId, String subjectId) {
        notifier.toUser(viewerId, new ServerMessage.Presence(subjectId, HIDDEN.state(), HIDDEN.lastSeenAt()));
    }

    private PresenceInfo presenceOf(String userId, long storedLastSeen) {
        PresenceInfo live = tracker.current(userId);
        if (live == null) {
            return new PresenceInfo(PresenceState.OFFLINE, storedLastSeen);
        }
        return live;
    }

    private List<String> audience(String userId) {
        return db.read(c -> contacts.visibleContactIds(c, userId));
    }

    private void fanOut(String userId, List<String> audience, PresenceInfo info) {
        long start = System.nanoTime();
        ServerMessage event = new ServerMessage.Presence(userId, info.state(), info.lastSeenAt());
        notifier.toUsers(audience, event);
        metrics.presenceFanOut(audience.size(), System.nanoTime() - start);
    }
}
