package dev.confab.media.video.capture;

import java.util.Objects;

/**
 * A camera could not be opened or stopped delivering: {@link #kind()} says which case, the message says what happened
 * in words a person can act on.
 */
public final class CameraException extends Exception {
    /** What went wrong. */
    public enum Kind {
        /** No camera of that name is connected (or none at all). */
        NO_CAMERA,
        /** The camera is in use: by another program, or already captured here. */
        BUSY,
        /** The camera cannot deliver the size asked for (Confab scales down, never up), or refused the mode. */
        UNSUPPORTED_MODE,
        /** The camera went away while open: unplugged, or its file removed. */
        REMOVED,
        /** Anything else: the device or file failed, or its stream ended. */
        FAILED
    }

    private final Kind kind;

    public CameraException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public CameraException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
