package dev.confab.client.core.calls;

import dev.confab.client.core.internal.ListenerSet;
import dev.confab.media.call.CallSessionConfig;
import dev.confab.media.video.capture.Cameras;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * What every call's flow shares, handed out by the {@link CallManager}: signaling, the identity binding, a fresh media
 * configuration per call (its own certificate, the current STUN/TURN servers), the manager's serial thread and the
 * observers. Immutable.
 *
 * @param signaling the call messages on the event connection
 * @param binding   signing and checking fingerprint statements
 * @param sessions  makes one call's media configuration; called on the manager's thread, may block
 * @param thread    the manager's serial executor, where every call's state lives
 * @param timers    for a flow's timers, whose work it hands to {@code thread}
 * @param observers called on the client's event thread
 * @param cameras   the machine's cameras, started on first use; called on the manager's thread
 */
record CallContext(CallSignaling signaling, FingerprintBinding binding, Supplier<CallSessionConfig> sessions,
        Executor thread, ScheduledExecutorService timers,
        ListenerSet<CallObserver> observers, Supplier<Cameras> cameras) {
}
