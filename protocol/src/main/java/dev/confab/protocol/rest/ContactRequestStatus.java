package dev.confab.protocol.rest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a contact request stands.
 */
public enum ContactRequestStatus {
    PENDING, ACCEPTED, DECLINED, CANCELLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
