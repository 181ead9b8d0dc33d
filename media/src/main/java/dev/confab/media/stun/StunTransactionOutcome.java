package dev.confab.media.stun;

import java.io.IOException;
import java.net.InetSocketAddress;

/** How a client transaction ended. Exactly one outcome completes each transaction. Immutable. */
public sealed interface StunTransactionOutcome {

    /**
     * A response arrived with the request's transaction id and method.
     *
     * @param message       the response, success or error
     * @param source        where it came from: ICE checks that this is where the request went (RFC 8445 7.2.5.2.1)
     * @param authenticated whether its integrity was verified with the request's key; false for an unsigned request,
     *                      and for an error response without integrity (a 401 or 438 from a TURN server, which cannot
     *                      sign it), which only signed requests accept
     */
    record Response(StunMessage message, InetSocketAddress source, boolean authenticated)
            implements StunTransactionOutcome {
        /** Whether the response is a success response. */
        public boolean isSuccess() {
            return message.messageClass() == StunClass.SUCCESS_RESPONSE;
        }

        /** The error code of an error response; 0 for a success, or an error response without ERROR-CODE. */
        public int errorCode() {
            return message.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
        }
    }

    /**
     * No response came within the {@link RetransmissionPolicy}'s timeout.
     *
     * @param transmissions how often the request was sent
     */
    record TimedOut(int transmissions) implements StunTransactionOutcome {}

    /** The {@link DatagramSender} failed, for example with no route to the destination. */
    record SendFailed(IOException cause) implements StunTransactionOutcome {}

    /** The transaction was cancelled, or the transactions closed, before it ended. */
    record Cancelled() implements StunTransactionOutcome {}
}
