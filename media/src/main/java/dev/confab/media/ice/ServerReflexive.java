package dev.confab.media.ice;

import dev.confab.media.stun.RetransmissionPolicy;
import dev.confab.media.stun.StunMessage;
import dev.confab.media.stun.StunMethod;
import dev.confab.media.stun.StunRequest;
import dev.confab.media.stun.StunTransactionOutcome;
import dev.confab.media.stun.TransactionId;
import dev.confab.media.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Asks a STUN server which address it sees a base's datagrams come from (RFC 8445 section 5.1.1.2). Stateless.
 */
final class ServerReflexive {
    /** Four sends 300 ms apart doubling, then 1.2 s: a missing server costs gathering under 4 s. */
    static final RetransmissionPolicy QUERY = new RetransmissionPolicy(Duration.ofMillis(300), 4, 4);

    private ServerReflexive() {
    }

    /** The mapped address, or empty if the server did not answer or answered without one. */
    static CompletableFuture<Optional<InetSocketAddress>> query(Base base, InetSocketAddress server,
            RandomGenerator random) {
        StunMessage request = StunMessage.request(StunMethod.BINDING, TransactionId.random(random));
        return base.transactions.start(StunRequest.to(server, request).retransmitting(QUERY))
                .thenApply(outcome -> outcome instanceof StunTransactionOutcome.Response response
                        && CheckMessages.isSuccess(response.message())
                        ? response.message().attribute(XorMappedAddress.class).map(XorMappedAddress::address)
                        : Optional.empty());
    }
}
