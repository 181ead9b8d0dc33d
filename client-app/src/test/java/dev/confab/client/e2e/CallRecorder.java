package dev.confab.client.e2e;

import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallEnd;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.calls.CallState;
import dev.confab.crypto.sas.ShortAuthString;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what a client's call manager reports, per call id, for assertions. Called on the client's event thread; the
 * collections are safe to read from the test thread.
 */
final class CallRecorder implements CallObserver {
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Map<String, List<CallState>> states = new ConcurrentHashMap<>();
    final Map<String, CallEnd> ends = new ConcurrentHashMap<>();
    final Map<String, ShortAuthString> sas = new ConcurrentHashMap<>();

    @Override
    public void onCallState(Call call, CallState state) {
        if (!states.containsKey(call.id())) {
            calls.add(call);
        }
        states.computeIfAbsent(call.id(), id -> new CopyOnWriteArrayList<>()).add(state);
    }

    @Override
    public void onCallSecured(Call call, ShortAuthString value) {
        sas.put(call.id(), value);
    }

    @Override
    public void onCallEnded(Call call, CallEnd end) {
        ends.put(call.id(), end);
    }

    /** The newest call this client heard of, or null. */
    Call last() {
        return calls.isEmpty() ? null : calls.getLast();
    }

    List<CallState> statesOf(Call call) {
        return states.getOrDefault(call.id(), List.of());
    }
}
