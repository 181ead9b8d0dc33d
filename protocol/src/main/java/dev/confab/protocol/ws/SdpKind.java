package dev.confab.protocol.ws;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an SDP in a renegotiation is an offer or an answer. */
public enum SdpKind {
    OFFER, ANSWER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
