package dev.confab.client.ui.calls;

import dev.confab.client.core.calls.CallDirection;

/**
 * One row of the call history, its text ready to show. Immutable.
 *
 * @param callId     the call's id
 * @param direction  who placed it (the row's arrow)
 * @param video      a video call (else audio)
 * @param kindText   "Outgoing video call", "Incoming audio call"...
 * @param whenText   when it started, "Today 14:03" or "12 Nov 2026 14:03"
 * @param resultText how long it was talked ("03:12"), or "Missed", "Declined", "Not answered", "Cancelled"...
 * @param missed     an incoming call nobody answered: shown in the danger colour
 */
public record CallHistoryItem(String callId, CallDirection direction, boolean video, String kindText, String whenText,
        String resultText, boolean missed) {
}
