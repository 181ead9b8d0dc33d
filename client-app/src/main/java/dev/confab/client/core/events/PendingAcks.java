package dev.confab.client.core.events;

import dev.confab.client.core.api.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The messages this client sent on the event connection and still waits to hear about, by message id: the server
 * answers each with an {@code ack} or an {@code error} naming its id; a timeout or the end of the connection fails
 * what is left.
 *
 * <p>Not thread-safe: confined to the event thread of the {@link EventStream} that owns it.
 */
final class PendingAcks {
    private final Map<String, CompletableFuture<Void>> waiting = new HashMap<>();

    void add(String id, CompletableFuture<Void> answer) {
        waiting.put(id, answer);
    }

    /** The server acked {@code id}. */
    void acked(String id) {
        CompletableFuture<Void> answer = waiting.remove(id);
        if (answer != null) {
            answer.complete(null);
        }
    }

    /** Fails the answer for {@code id}; returns whether anything waited for it. */
    boolean fail(String id, ApiException failure) {
        CompletableFuture<Void> answer = id == null ? null : waiting.remove(id);
        if (answer == null) {
            return false;
        }
        answer.completeExceptionally(failure);
        return true;
    }

    /** The connection is gone: fails everything that waits. */
    void failAll(Supplier<ApiException> failure) {
        if (waiting.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> all = List.copyOf(waiting.values());
        waiting.clear();
        all.forEach(f -> f.completeExceptionally(failure.get()));
    }
}
