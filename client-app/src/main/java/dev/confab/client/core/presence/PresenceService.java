package dev.confab.client.core.presence;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.account.AccountService;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.events.EventStream;
import dev.confab.protocol.PresenceState;
import dev.confab.protocol.rest.SetPresenceRequest;
import dev.confab.protocol.ws.ClientMessage;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * This device's chosen presence (online, away or busy). The choice is remembered in the profile and sent again on
 * every reconnect; it goes over the event connection when that is up, else over REST (the server remembers it for
 * when the device connects). Contacts' presence lives in {@link dev.confab.client.core.contacts.ContactsService}.
 * Thread-safe; {@link #set} blocks on the network.
 */
public final class PresenceService {
    private final ConfabApi api;
    private final AccountService account;
    private final Supplier<EventStream> stream;

    public PresenceService(ConfabApi api, AccountService account, Supplier<EventStream> stream) {
        this.api = Objects.requireNonNull(api, "api");
        this.account = Objects.requireNonNull(account, "account");
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    /** The state the user chose for this device, if any (online is the server's default). */
    public Optional<PresenceState> chosen() {
        return account.settings().presence().map(PresenceState::fromWire);
    }

    /** Chooses this device's presence. */
    public void set(PresenceState state) {
        if (state == null || !state.choosable()) {
            throw new ClientException("Presence can be online, away or busy.");
        }
        account.require();
        account.settings().presence(state.wire());
        EventStream events = stream.get();
        if (events != null && events.status().connected()) {
            try {
                events.send(new ClientMessage.SetPresence(events.nextId(), state)).get(15, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | CompletionException e) {
                // Lost the connection meanwhile: REST below.
            } catch (TimeoutException e) {
                // No answer on the socket: REST below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClientException("Interrupted while setting presence.");
            }
        }
        api.setPresence(new SetPresenceRequest(state));
    }

    /** Sends the remembered choice again (after a reconnect); best effort. */
    public void reapply() {
        Optional<PresenceState> state = chosen();
        EventStream events = stream.get();
        if (state.isPresent() && events != null) {
            events.send(new ClientMessage.SetPresence(events.nextId(), state.get())).exceptionally(e -> null);
        }
    }
}
