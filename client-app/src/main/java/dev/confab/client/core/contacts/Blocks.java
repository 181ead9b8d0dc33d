package dev.confab.client.core.contacts;

import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.protocol.rest.UserSummary;
import java.util.List;
import java.util.function.Function;

/**
 * The users this user blocked, and blocking and unblocking them. After either action the owner re-reads everything,
 * since a block also cancels requests and changes presence.
 *
 * <p>Thread-safe: the list is an immutable snapshot behind a volatile field, replaced by the owner's reads; the
 * actions block on the network.
 */
final class Blocks {
    private final ConfabApi api;
    private final ListenerSet<ContactsListener> listeners;
    private final Function<String, String> userIdOf;
    private final Runnable refresh;
    private volatile List<UserSummary> blocked = List.of();

    /**
     * @param userIdOf the id of any user, by username
     * @param refresh re-reads contacts, requests and blocks
     */
    Blocks(ConfabApi api, ListenerSet<ContactsListener> listeners, Function<String, String> userIdOf, Runnable refresh) {
        this.api = api;
        this.listeners = listeners;
        this.userIdOf = userIdOf;
        this.refresh = refresh;
    }

    List<UserSummary> list() {
        return blocked;
    }

    /** Replaces the list with what the server said (call in the owner's order of changes), without telling listeners. */
    void replace(List<UserSummary> next) {
        blocked = List.copyOf(next);
    }

    void fireChanged() {
        List<UserSummary> snapshot = blocked;
        listeners.fire(l -> l.onBlocksChanged(snapshot));
    }

    void block(String username) {
        api.block(userIdOf.apply(username));
        refresh.run();
    }

    void unblock(String username) {
        String name = UserDirectory.normalize(username);
        String id = blocked.stream().filter(u -> u.username().equals(name)).map(UserSummary::userId).findFirst().orElse(null);
        api.unblock(id != null ? id : userIdOf.apply(username));
        refresh.run();
    }
}
