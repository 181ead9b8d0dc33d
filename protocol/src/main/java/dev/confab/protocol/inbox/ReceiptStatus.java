package dev.confab.protocol.inbox;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a receipt reports.
 */
public enum ReceiptStatus {
    DELIVERED, READ;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
