package dev.confab.client.core.keys;

import dev.confab.client.core.ClientException;
import java.util.List;

/**
 * Refused to seal to a user whose keys changed since they were pinned: the user must compare safety numbers and
 * trust the new keys first. Immutable once thrown; safe to pass between threads.
 */
public final class UntrustedKeyException extends ClientException {
    private final String userId;
    private final transient List<KeyChange> changes;

    public UntrustedKeyException(String userId, String who, List<KeyChange> changes) {
        super(message(who, changes));
        this.userId = userId;
        this.changes = List.copyOf(changes);
    }

    private static String message(String who, List<KeyChange> changes) {
        boolean invalid = changes.stream().allMatch(c -> c.kind() == KeyChange.Kind.INVALID_SIGNATURE);
        if (invalid) {
            return "Not sent: " + who + " has a device whose key fails its signature check, so messages to them cannot be sealed.";
        }
        return "Not sent: " + who + "'s keys changed (" + changes.size() + " device" + (changes.size() == 1 ? "" : "s")
                + "). Compare safety numbers with 'contacts keys " + who + "', then run 'contacts trust " + who + "'.";
    }

    public String userId() {
        return userId;
    }

    public List<KeyChange> changes() {
        return changes;
    }
}
