package dev.confab.media.video.y4m;

import java.io.IOException;

/** A file that is not the YUV4MPEG2 Confab reads; the message says what is wrong. */
public final class Y4mFormatException extends IOException {
    public Y4mFormatException(String message) {
        super(message);
    }
}
