package dev.confab.protocol.ws;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a call starts with: audio only, or audio and video. */
public enum CallMedia {
    AUDIO, VIDEO;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
