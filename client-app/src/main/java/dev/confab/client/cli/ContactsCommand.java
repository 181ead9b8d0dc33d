package dev.confab.client.cli;

import dev.confab.client.core.contacts.ContactRequests;
import dev.confab.client.core.contacts.ContactView;
import dev.confab.client.core.keys.KeyChange;
import dev.confab.client.core.keys.PinnedDevice;
import dev.confab.client.core.presence.Presence;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.rest.ContactRequestStatus;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code confab contacts ...}: the contact list with presence, requests, blocks, keys and trust. */
@Command(name = "contacts", description = "Your contacts, their presence, requests, blocks and keys.")
final class ContactsCommand extends CommandBase {
    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", description = "List your contacts with their presence.")
    int list() {
        signedIn();
        refresh();
        List<ContactView> contacts = client().contacts().list();
        Printer out = out();
        if (contacts.isEmpty()) {
            out.say("No contacts yet. Ask someone with 'contacts add <username>'.");
        } else {
            out.table(List.of("CONTACT", "NAME", "PRESENCE", ""), contacts.stream().map(c -> List.of(c.username(),
                    c.displayName(), c.presence().label(), presenceNote(c))).toList());
        }
        contacts.forEach(c -> out.object(Printer.obj("username", c.username(), "userId", c.userId(),
                "displayName", c.displayName(), "presence", c.presence().label(),
                "lastSeenAt", c.lastSeenAt() > 0 ? c.lastSeenAt() : null, "blocked", c.blocked())));
        return ExitCodes.OK;
    }

    @Command(name = "add", description = "Ask a user to become your contact (or accept their request to you).")
    int add(@Parameters(paramLabel = "USERNAME") String username,
            @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "A short note for them.") String message) {
        signedIn();
        ContactRequest request = client().contacts().add(username, message);
        boolean accepted = request.status() == ContactRequestStatus.ACCEPTED;
        out().result(accepted ? request.to().username() + " had asked you already: you are now contacts."
                        : "Asked " + request.to().username() + " to become your contact. They see it next time they are online.",
                Printer.obj("requestId", request.requestId(), "to", request.to().username(), "status", request.status().wire()));
        return ExitCodes.OK;
    }

    @Command(name = "requests", description = "List pending contact requests, to you and from you.")
    int requests() {
        signedIn();
        refresh();
        ContactRequests requests = client().contacts().requests();
        Printer out = out();
        if (requests.incoming().isEmpty() && requests.outgoing().isEmpty()) {
            out.say("No pending requests.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            requests.incoming().forEach(r -> rows.add(List.of("from " + r.from().username(), when(r.createdAt()),
                    r.message() == null ? "" : "\"" + r.message() + "\"", "accept or decline with 'contacts accept " + r.from().username() + "'")));
            requests.outgoing().forEach(r -> rows.add(List.of("to " + r.to().username(), when(r.createdAt()),
                    r.message() == null ? "" : "\"" + r.message() + "\"", "waiting for them")));
            out.table(List.of("REQUEST", "WHEN", "MESSAGE", ""), rows);
        }
        requests.incoming().forEach(r -> out.object(Printer.obj("direction", "incoming", "requestId", r.requestId(),
                "from", r.from().username(), "message", r.message(), "createdAt", r.createdAt())));
        requests.outgoing().forEach(r -> out.object(Printer.obj("direction", "outgoing", "requestId", r.requestId(),
                "to", r.to().username(), "message", r.message(), "createdAt", r.createdAt())));
        return ExitCodes.OK;
    }

    @Command(name = "accept", description = "Accept a request to you (by username or request id).")
    int accept(@Parameters(paramLabel = "USERNAME|REQUEST_ID") String ref) {
        signedIn();
        ContactView contact = client().contacts().accept(ref);
        out().result("Accepted " + contact.username() + "'s request.",
                Printer.obj("accepted", contact.username(), "userId", contact.userId()));
        return ExitCodes.OK;
    }

    @Command(name = "decline", description = "Decline a request to you (by username or request id).")
    int decline(@Parameters(paramLabel = "USERNAME|REQUEST_ID") String ref) {
        signedIn();
        client().contacts().decline(ref);
        out().result("Declined.", Printer.obj("declined", ref));
        return ExitCodes.OK;
    }

    @Command(name = "cancel", description = "Cancel a request you made (by username or request id).")
    int cancel(@Parameters(paramLabel = "USERNAME|REQUEST_ID") String ref) {
        signedIn();
        client().contacts().cancel(ref);
        out().result("Cancelled.", Printer.obj("cancelled", ref));
        return ExitCodes.OK;
    }

    @Command(name = "remove", description = "Remove a contact (you both lose each other).")
    int remove(@Parameters(paramLabel = "USERNAME") String username) {
        signedIn();
        client().contacts().remove(username);
        out().result("Removed " + username + " from your contacts.", Printer.obj("removed", username));
        return ExitCodes.OK;
    }

    @Command(name = "block", description = "Block a user: no messages, calls, requests or presence either way.")
    int block(@Parameters(paramLabel = "USERNAME") String username) {
        signedIn();
        client().contacts().block(username);
        out().result("Blocked " + username + ".", Printer.obj("blocked", username));
        return ExitCodes.OK;
    }

    @Command(name = "unblock", description = "Unblock a user.")
    int unblock(@Parameters(paramLabel = "USERNAME") String username) {
        signedIn();
        client().contacts().unblock(username);
        out().result("Unblocked " + username + ".", Printer.obj("unblocked", username));
        return ExitCodes.OK;
    }

    @Command(name = "keys", description = "Show a contact's devices, fingerprints, trust, and your safety number.")
    int keys(@Parameters(paramLabel = "USERNAME") String username) {
        String me = signedIn().userId();
        String userId = client().contacts().userId(username);
        client().keys().refresh(me);
        client().keys().refresh(userId);
        String safety = client().keys().safetyNumber(userId);
        List<PinnedDevice> devices = client().keys().devices(userId).stream().filter(PinnedDevice::active).toList();
        List<KeyChange> pending = client().keys().pendingChanges(userId);
        Printer out = out();
        out.say("Safety number with " + username + ":");
        out.say("    " + safety.substring(0, 35));
        out.say("    " + safety.substring(36));
        out.say("Compare it with " + username + " in person or on a call; it is the same on both sides only if nobody is in the middle.");
        out.say("");
        out.table(List.of("DEVICE", "FINGERPRINT", "TRUST"), devices.stream()
                .map(d -> List.of(d.deviceId(), d.fingerprint(), trustLabel(d))).toList());
        if (!pending.isEmpty()) {
            out.say("");
            pending.forEach(change -> out.say("WARNING: " + change.describe(username)));
            out.say("If the safety number matches, run 'contacts trust " + username + "'.");
        }
        out.object(Printer.obj("username", username, "userId", userId, "safetyNumber", safety,
                "trusted", pending.isEmpty(),
                "devices", devices.stream().map(d -> Printer.obj("deviceId", d.deviceId(), "fingerprint", d.fingerprint(),
                        "trust", d.trust().name().toLowerCase(java.util.Locale.ROOT))).toList()));
        return ExitCodes.OK;
    }

    @Command(name = "trust", description = {"Trust a contact's current keys after comparing safety numbers.",
            "Messages that their key change held back are sent then."})
    int trust(@Parameters(paramLabel = "USERNAME") String username) {
        signedIn();
        String userId = client().contacts().userId(username);
        boolean changed = client().keys().trust(userId);
        int resent = 0;
        if (changed && !root.inShell() && !client().chat().outboxEmpty()) {
            resent = client().chat().flushOutbox().sent(); // the shell's live client sends them by itself
        }
        out().result((changed ? "Trusted " + username + "'s current keys. Messages to them are sealed to these devices now."
                        : username + "'s keys were trusted already.")
                        + (resent > 0 ? " Sent " + resent + " queued message" + (resent == 1 ? "" : "s") + "." : ""),
                Printer.obj("trusted", username, "changed", changed, "sent", resent));
        return ExitCodes.OK;
    }

    /** Re-reads from the server; inside the shell, a server out of reach leaves the last known state shown. */
    private void refresh() {
        try {
            client().contacts().refresh();
        } catch (dev.confab.client.core.api.ApiException e) {
            if (!root.inShell() || !e.unreachable()) {
                throw e;
            }
            out().warn("The server is out of reach; this is what was last known.");
        }
    }

    private static String presenceNote(ContactView c) {
        if (c.blocked()) {
            return "(blocked)";
        }
        if (c.presence() == Presence.OFFLINE && c.lastSeenAt() > 0) {
            return "last seen " + when(c.lastSeenAt());
        }
        if (c.presence() == Presence.UNKNOWN) {
            return "(not connected)";
        }
        return "";
    }

    static String trustLabel(PinnedDevice d) {
        return switch (d.trust()) {
            case TRUSTED -> "trusted";
            case NEW_DEVICE -> "NEW - not trusted yet";
            case CHANGED -> "CHANGED - not trusted";
            case INVALID -> "INVALID signature";
        };
    }
}
