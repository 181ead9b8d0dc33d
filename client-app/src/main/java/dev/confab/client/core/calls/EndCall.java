package dev.confab.client.core.calls;

/**
 * Thrown inside the call manager when a step finds that the call cannot go on; the handler ends the call with
 * {@link #end()}. Never leaves the package.
 */
final class EndCall extends Exception {
    private final transient CallEnd end;

    EndCall(CallEnd end) {
        super(end.reason() + (end.detail().isEmpty() ? "" : ": " + end.detail()), null, false, false);
        this.end = end;
    }

    EndCall(EndReason reason, String detail) {
        this(CallEnd.of(reason, detail));
    }

    CallEnd end() {
        return end;
    }
}
