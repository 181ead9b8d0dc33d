package dev.confab.client.core.store;

import dev.confab.client.core.ClientException;

/**
 * The local store cannot be opened, read or written, or a record in it fails authentication (tampered). Immutable once
 * thrown; safe to pass between threads.
 */
public final class StoreException extends ClientException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
