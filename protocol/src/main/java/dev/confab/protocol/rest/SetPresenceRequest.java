package dev.confab.protocol.rest;

import dev.confab.protocol.Fields;
import dev.confab.protocol.PresenceState;

/**
 * Body of {@code PUT /api/v1/presence}: the state this device chooses (online, away or busy). It is
 * remembered for the device and shown while the device is connected.
 */
public record SetPresenceRequest(PresenceState state) {
    public SetPresenceRequest {
        Fields.present(state, "state");
        if (!state.choosable()) {
            throw Fields.invalid("state", "state must be online, away or busy; offline is derived");
        }
    }
}
