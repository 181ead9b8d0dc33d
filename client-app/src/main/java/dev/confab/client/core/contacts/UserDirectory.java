package dev.confab.client.core.contacts;

import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.rest.UserSummary;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every user this client has seen (contacts, both sides of requests, blocked users, users looked up by name), so
 * ids can be shown as usernames, and the server's exact-username lookup.
 *
 * <p>Thread-safe: the table serializes on this object; {@link #lookup} blocks on the network outside it.
 */
final class UserDirectory {
    private final ConfabApi api;
    private final Map<String, UserSummary> users = new HashMap<>();

    UserDirectory(ConfabApi api) {
        this.api = api;
    }

    synchronized void remember(UserSummary user) {
        if (user != null && user.userId() != null && user.username() != null) {
            users.put(user.userId(), user);
        }
    }

    /** The username of a user this client has seen, else the id itself. */
    synchronized String nameOf(String userId) {
        UserSummary user = users.get(userId);
        return user == null ? userId : user.username();
    }

    /** Looks {@code username} up on the server and remembers the answer. @throws ApiException user_not_found, sentence for people */
    UserSummary lookup(String username) {
        String name = normalize(username);
        UserSummary user;
        try {
            user = api.findUser(name);
        } catch (ApiException e) {
            if (e.is(ErrorCode.USER_NOT_FOUND)) {
                throw ApiException.server(e.httpStatus(), e.wireCode(), "Nobody is called '" + name + "' on this server.", e.details());
            }
            throw e;
        }
        remember(user);
        return user;
    }

    static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
