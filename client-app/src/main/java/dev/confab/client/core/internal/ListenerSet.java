package dev.confab.client.core.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listeners of one kind, called on the client's event thread in registration order. A listener that throws is
 * logged and does not stop the others. Thread-safe: register, remove and fire from any thread.
 */
public final class ListenerSet<L> {
    private static final Logger log = LoggerFactory.getLogger(ListenerSet.class);

    private final List<L> listeners = new CopyOnWriteArrayList<>();
    private final Executor eventThread;

    public ListenerSet(Executor eventThread) {
        this.eventThread = Objects.requireNonNull(eventThread, "eventThread");
    }

    public void add(L listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void remove(L listener) {
        listeners.remove(listener);
    }

    /** Calls {@code event} on every listener, later, on the event thread. */
    public void fire(Consumer<L> event) {
        try {
            eventThread.execute(() -> {
                for (L listener : listeners) {
                    try {
                        event.accept(listener);
                    } catch (RuntimeException e) {
                        log.error("A listener failed", e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // The client is closed: nobody listens any more.
        }
    }
}
