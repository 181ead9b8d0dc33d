package dev.confab.client.cli;

import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallEnd;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.EndReason;
import dev.confab.crypto.sas.ShortAuthString;
import java.util.Locale;

/**
 * Prints what happens to calls in human words (or one JSON object per event with {@code --json}): each state, the
 * short authentication string to compare once encrypted, and how the call ended. Runs on the client's event thread.
 */
final class CallPrinter implements CallObserver {
    private final Printer out;
    private final boolean inShell;
    private final Runnable afterLine;

    /** {@code inShell}: an incoming call tells the person to type 'answer' or 'reject'. */
    CallPrinter(Printer out, boolean inShell, Runnable afterLine) {
        this.out = out;
        this.inShell = inShell;
        this.afterLine = afterLine;
    }

    @Override
    public void onCallState(Call call, CallState state) {
        String peer = call.peerName();
        String human = switch (state) {
            case OUTGOING -> "Calling " + peer + "... (call " + call.id() + ")";
            case RINGING -> "Ringing at " + peer + "'s.";
            case INCOMING -> peer + " is calling (call " + call.id() + ")." + (inShell ? " Type 'answer' or 'reject'." : "");
            case CONNECTING -> "Connecting with " + peer + "...";
            case CONNECTED -> "Connected with " + peer + "." + (inShell ? " 'hangup' ends the call; 'mute', 'stats', 'sas'." : "");
            case RECONNECTING -> "The connection to " + peer + " broke; finding another way...";
            case ENDED -> null; // onCallEnded says why
        };
        emit(human, Printer.obj("event", "call", "callId", call.id(), "peer", peer,
                "direction", call.direction().name().toLowerCase(Locale.ROOT), "state", lower(state)));
    }

    @Override
    public void onCallSecured(Call call, ShortAuthString sas) {
        emit("The call is encrypted. Compare these words with " + call.peerName() + ": " + sas.wordText()
                        + " (or " + sas.emojiText() + "). Different words mean someone is in the middle: hang up.",
                Printer.obj("event", "callSecured", "callId", call.id(), "sas", sas.wordText(), "emoji", sas.emojiText()));
    }

    @Override
    public void onCallEnded(Call call, CallEnd end) {
        String message = end.message(call.peerName());
        emit(end.reason() == EndReason.MISSED_WHILE_BUSY ? message : "Call ended. " + message,
                Printer.obj("event", "callEnded", "callId", call.id(), "peer", call.peerName(),
                        "reason", lower(end.reason()),
                        "mediaFailure", end.mediaFailure() == null ? null : lower(end.mediaFailure()),
                        "message", message, "detail", end.detail().isEmpty() ? null : end.detail()));
    }

    private void emit(String human, java.util.Map<String, Object> json) {
        if (human == null && !out.json()) {
            return;
        }
        out.result(human, json);
        afterLine.run();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
