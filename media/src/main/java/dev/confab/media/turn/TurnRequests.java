package dev.confab.media.turn;

import dev.confab.media.stun.ErrorCode;
import dev.confab.media.stun.IntegrityKey;
import dev.confab.media.stun.Nonce;
import dev.confab.media.stun.Realm;
import dev.confab.media.stun.StunAttribute;
import dev.confab.media.stun.StunClass;
import dev.confab.media.stun.StunClientTransactions;
import dev.confab.media.stun.StunMessage;
import dev.confab.media.stun.StunMethod;
import dev.confab.media.stun.StunRequest;
import dev.confab.media.stun.StunTransactionOutcome;
import dev.confab.media.stun.TransactionId;
import dev.confab.media.stun.Username;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Requests to a TURN server under the long-term credential mechanism (RFC 8489 section 9.2, RFC 8656 section 7.2):
 * the first goes unsigned and learns REALM and NONCE from the 401 it gets; later ones carry USERNAME, REALM, NONCE
 * and MESSAGE-INTEGRITY under MD5(username:realm:password). A 438 (Stale Nonce) takes the new nonce and tries again,
 * a few times at most; a 401 to a signed request means the credentials are wrong.
 *
 * <p>Thread contract: confined to the client's serial executor; futures complete there.
 */
final class TurnRequests {
    private static final int STALE_NONCE_RETRIES = 3;

    private final StunClientTransactions transactions;
    private final InetSocketAddress server;
    private final TurnClientConfig config;
    private final RandomGenerator random;
    private final Executor serial;
    private final TurnCounters counters;
    private String realm;
    private String nonce;
    private IntegrityKey key;

    TurnRequests(StunClientTransactions transactions, InetSocketAddress server, TurnClientConfig config,
            RandomGenerator random, Executor serial, TurnCounters counters) {
        this.transactions = transactions;
        this.server = server;
        this.config = config;
        this.random = random;
        this.serial = serial;
        this.counters = counters;
    }

    /** Sends a request and gives its authenticated success response, or fails with a {@link TurnException}. */
    CompletableFuture<StunMessage> send(StunMethod method, List<StunAttribute> attributes) {
        CompletableFuture<StunMessage> result = new CompletableFuture<>();
        attempt(method, attributes, 0, result);
        return result;
    }

    private void attempt(StunMethod method, List<StunAttribute> attributes, int staleNonces,
            CompletableFuture<StunMessage> result) {
        boolean signed = key != null;
        List<StunAttribute> all = new ArrayList<>(attributes);
        if (signed) {
            all.add(new Username(config.credentials().username()));
            all.add(new Realm(realm));
            all.add(new Nonce(nonce));
        }
        StunMessage message = StunMessage.of(method, StunClass.REQUEST, TransactionId.random(random), all);
        StunRequest request = StunRequest.to(server, message).retransmitting(config.retransmission());
        transactions.start(signed ? request.signedWith(key) : request).whenCompleteAsync(
                (outcome, error) -> onOutcome(outcome, method, attributes, signed, staleNonces, result), serial);
    }

    private void onOutcome(StunTransactionOutcome outcome, StunMethod method, List<StunAttribute> attributes,
            boolean signed, int staleNonces, CompletableFuture<StunMessage> result) {
        switch (outcome) {
            case StunTransactionOutcome.Response response when response.isSuccess() -> result.complete(response.message());
            case StunTransactionOutcome.Response response -> {
                StunMessage error = response.message();
                Optional<String> newRealm = error.attribute(Realm.class).map(Realm::value)
                        .or(() -> Optional.ofNullable(realm));
                Optional<Nonce> newNonce = error.attribute(Nonce.class);
                boolean challenge = response.errorCode() == ErrorCode.UNAUTHENTICATED && !signed;
                boolean stale = response.errorCode() == ErrorCode.STALE_NONCE && staleNonces < STALE_NONCE_RETRIES;
                if ((challenge || stale) && newRealm.isPresent() && newNonce.isPresent()) {
                    learn(newRealm.get(), newNonce.get().value());
                    if (stale) {
                        counters.staleNonces.increment();
                    }
                    attempt(method, attributes, stale ? staleNonces + 1 : staleNonces, result);
                } else {
                    result.completeExceptionally(refusal(method, error.attribute(ErrorCode.class).orElse(null)));
                }
            }
            case StunTransactionOutcome.TimedOut timedOut -> result.completeExceptionally(new TurnException(
                    TurnFailure.TIMEOUT, method + " to " + server + ": no response after " + timedOut.transmissions()
                            + " sends"));
            case StunTransactionOutcome.SendFailed failed -> result.completeExceptionally(new TurnException(
                    TurnFailure.SEND_FAILED, method + " to " + server + " could not be sent", null, failed.cause()));
            case StunTransactionOutcome.Cancelled cancelled -> result.completeExceptionally(new TurnException(
                    TurnFailure.WRONG_STATE, method + " to " + server + " cancelled: the client closed"));
        }
    }

    private void learn(String newRealm, String newNonce) {
        realm = newRealm;
        nonce = newNonce;
        key = IntegrityKey.longTerm(config.credentials().username(), realm, config.credentials().password());
    }

    private TurnException refusal(StunMethod method, ErrorCode error) {
        if (error == null) {
            return new TurnException(TurnFailure.ERROR_RESPONSE,
                    method + " refused by " + server + " without an error code");
        }
        TurnFailure failure = TurnException.ofErrorCode(error.code());
        String what = failure == TurnFailure.UNAUTHORIZED
                ? "the TURN server at " + server + " refused the credentials of user '" + config.credentials().username()
                        + "' in realm '" + realm + "'"
                : method + " refused by " + server;
        return new TurnException(failure, what + " (" + error.code() + " " + error.reason() + ")", error, null);
    }
}
