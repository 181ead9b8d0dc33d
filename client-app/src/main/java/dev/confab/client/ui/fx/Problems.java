package dev.confab.client.ui.fx;

import dev.confab.client.core.ClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a failure into the sentence a person reads: what happened and, where it helps, what to do. Never a stack
 * trace or a class name. The client core's failures already carry such a sentence (ClientException), so they pass
 * through unchanged. Stateless; safe from any thread.
 */
public final class Problems {
    private Problems() {}

    /** What to show for {@code failure}, which happened while doing {@code what} ("Signing in"). */
    public static String message(String what, Throwable failure) {
        Throwable cause = unwrap(failure);
        return switch (cause) {
            case ClientException client when hasText(client.getMessage()) -> client.getMessage();
            case IllegalArgumentException bad when hasText(bad.getMessage()) -> bad.getMessage();
            case IOException io -> deviceOrFile(what, io);
            case UncheckedIOException io -> deviceOrFile(what, io.getCause());
            default -> what + " failed unexpectedly. Try again; if it keeps failing, the log file says more.";
        };
    }

    private static String deviceOrFile(String what, IOException io) {
        return what + " failed: a device or file could not be used" + (hasText(io.getMessage()) ? " (" + io.getMessage() + ")." : ".");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
