package dev.confab.client.ui.identity;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.keys.KeyChange;
import dev.confab.client.core.keys.KeyListener;
import dev.confab.client.ui.fx.UiExecutors;

/**
 * What the identity view-models share: runs {@code onChange} on the UI executor whenever one contact's keys change or
 * are trusted, and hands their results to the UI executor only until {@link #close()} (a screen that is gone takes no
 * more changes). Thread-safe: the key listener runs on the client's event thread, {@link #ui} from any thread.
 */
final class PeerKeyWatch implements KeyListener, AutoCloseable {
    private final ConfabClient client;
    private final UiExecutors run;
    private final String peerUserId;
    private final Runnable onChange;
    private volatile boolean closed;

    PeerKeyWatch(ConfabClient client, UiExecutors run, String peerUserId, Runnable onChange) {
        this.client = client;
        this.run = run;
        this.peerUserId = peerUserId;
        this.onChange = onChange;
    }

    void start() {
        client.keys().addListener(this);
    }

    @Override
    public void onKeyChange(KeyChange change) {
        if (change.userId().equals(peerUserId)) {
            ui(onChange);
        }
    }

    @Override
    public void onTrusted(String userId) {
        if (userId.equals(peerUserId)) {
            ui(onChange);
        }
    }

    /** Runs {@code change} on the UI executor, unless closed before it gets there. */
    void ui(Runnable change) {
        if (!closed) {
            run.ui().execute(() -> {
                if (!closed) {
                    change.run();
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        client.keys().removeListener(this);
    }
}
