package dev.confab.bench.calls;

import java.nio.file.Path;
import java.util.List;

/**
 * Two Confab clients in fresh JVMs ({@link CallPeer}), registered on one server as new users who are contacts and see
 * each other online, ready to call.
 *
 * <p>Thread contract: one thread drives both peers; {@link #close()} quits both JVMs.
 *
 * @param caller the one who places calls
 * @param callee the one who answers them
 */
public record CallPeerPair(CallPeer caller, CallPeer callee) implements AutoCloseable {

    /**
     * Starts {@code callerN} and {@code calleeN} with profiles under {@code profiles} against the server at
     * {@code serverUrl} (each with the app's start-up warm-up when {@code startupWarmUp}, its calls sending at most
     * {@code maxSendBitrate} bit/s, their JVMs run with {@code jvmOptions}) and makes them contacts.
     */
    public static CallPeerPair open(String serverUrl, Path profiles, int n, boolean startupWarmUp,
            long maxSendBitrate, List<String> jvmOptions) {
        CallPeer caller = new CallPeer(serverUrl, profiles.resolve("caller" + n), "caller" + n, startupWarmUp,
                maxSendBitrate, jvmOptions);
        CallPeerPair pair;
        try {
            pair = new CallPeerPair(caller, new CallPeer(serverUrl, profiles.resolve("callee" + n), "callee" + n,
                    startupWarmUp, maxSendBitrate, jvmOptions));
        } catch (RuntimeException e) {
            caller.close();
            throw e;
        }
        try {
            caller.send("befriend-request callee" + n);
            pair.callee.send("befriend-accept caller" + n);
            caller.send("await-online " + pair.callee.userId());
            pair.callee.send("await-online " + caller.userId());
            return pair;
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    @Override
    public void close() {
        callee.close();
        caller.close();
    }
}
