package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallEnd;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.events.ConnectionListener;
import dev.confab.client.core.events.ConnectionStatus;
import dev.confab.client.core.events.ConnectionState;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the one-shot call commands ({@code call}, {@code answer}, {@code reject}) wait for: the connection to the
 * server, the first incoming call, a call's connection and its end; with the hang-up after a set time and on Ctrl-C,
 * and the exit code a call's end means. The client's event thread completes the futures; the command's thread waits.
 */
final class CallWaiter implements CallObserver, AutoCloseable {
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(15);
    private static final long HANGUP_ACK_SECONDS = 2;

    private final ConfabClient client;
    private final CallPrinter printer;
    private final CompletableFuture<Call> incoming = new CompletableFuture<>();
    private final Map<String, CompletableFuture<Void>> connected = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<CallEnd>> ended = new ConcurrentHashMap<>();
    private volatile Call following;
    private Thread hook;

    /** Follows the client's calls and prints them to {@code out}. */
    CallWaiter(ConfabClient client, Printer out) {
        this.client = client;
        this.printer = new CallPrinter(out, false, () -> { });
        client.calls().addObserver(printer);
        client.calls().addObserver(this);
    }

    /** Goes live and waits for the event connection. @throws ApiException (unreachable) if it does not come */
    void goLive() throws InterruptedException {
        CompletableFuture<Void> up = new CompletableFuture<>();
        ConnectionListener listener = new ConnectionListener() {
            @Override
            public void onConnectionChanged(ConnectionStatus status) {
                if (status.state() == ConnectionState.CONNECTED) {
                    up.complete(null);
                }
            }
        };
        client.addConnectionListener(listener);
        try {
            client.start();
            if (!client.connection().connected()) {
                up.get(CONNECT_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            throw ApiException.unreachable(client.serverUrl(), e);
        } finally {
            client.removeConnectionListener(listener);
        }
    }

    /**
     * Goes live, says {@code waiting}, and returns the first call that rings this device, or null (having said so)
     * when none came within {@code limit} (null: for ever).
     */
    Call nextIncoming(Printer out, String waiting, Duration limit) throws InterruptedException {
        goLive();
        out.say(waiting + " Ctrl-C stops.");
        try {
            return limit == null ? incoming.get() : incoming.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            out.result("No call came.", Printer.obj("event", "noCall"));
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Waits for {@code call} to end, hanging up {@code hangupAfter} after it connected (null: never) or on Ctrl-C.
     *
     * @return how it ended
     */
    CallEnd follow(Call call, Duration hangupAfter) throws InterruptedException {
        following = call;
        hook = new Thread(() -> hangUp(call), "confab-call-hangup");
        Runtime.getRuntime().addShutdownHook(hook);
        CompletableFuture<CallEnd> end = endOf(call.id());
        try {
            if (hangupAfter != null) {
                CompletableFuture.anyOf(connectedOf(call.id()), end).get();
                if (!end.isDone()) {
                    try {
                        end.get(hangupAfter.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        hangUp(call);
                    }
                }
            }
            return end.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The exit code for a call that ended so: 0 for a call hung up (or, declining, declined), else why. */
    static int exitCode(CallEnd end) {
        return switch (end.reason()) {
            case HUNG_UP_BY_YOU, HUNG_UP_BY_PEER, DECLINED_BY_YOU -> ExitCodes.OK;
            case IDENTITY_MISMATCH, UNTRUSTED_KEY -> ExitCodes.UNTRUSTED_KEY;
            case OFFLINE -> ExitCodes.UNREACHABLE;
            case REFUSED -> ExitCodes.FORBIDDEN;
            case NETWORK_FAILURE, PEER_GONE, FAILED -> ExitCodes.FAILURE;
            case DECLINED, DECLINED_ELSEWHERE, BUSY, NO_ANSWER, CANCELLED_BY_YOU, MISSED, MISSED_WHILE_BUSY,
                    LOST_BY_SERVER, ANSWERED_ELSEWHERE, UNAVAILABLE -> ExitCodes.NOT_ANSWERED;
        };
    }

    @Override
    public void onCallState(Call call, CallState state) {
        if (state == CallState.INCOMING) {
            incoming.complete(call);
        } else if (state == CallState.CONNECTED) {
            connectedOf(call.id()).complete(null);
        }
    }

    @Override
    public void onCallEnded(Call call, CallEnd end) {
        endOf(call.id()).complete(end);
    }

    /** Stops listening; a call still going on is hung up. */
    @Override
    public void close() {
        client.calls().removeObserver(this);
        client.calls().removeObserver(printer);
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook hangs up.
            }
        }
        Call call = following;
        if (call != null && call.state() != CallState.ENDED) {
            hangUp(call);
        }
    }

    private static void hangUp(Call call) {
        try {
            call.hangUp().get(HANGUP_ACK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            // The call is over here; the peer learns it from the lost connection.
        }
    }

    private CompletableFuture<Void> connectedOf(String callId) {
        return connected.computeIfAbsent(callId, id -> new CompletableFuture<>());
    }

    private CompletableFuture<CallEnd> endOf(String callId) {
        return ended.computeIfAbsent(callId, id -> new CompletableFuture<>());
    }
}
