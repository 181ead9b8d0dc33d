package dev.confab.crypto.dtls;

/**
 * Which end of the DTLS handshake this endpoint plays, and the pure rules that pick it from the offer's and the
 * answer's {@code a=setup} (RFC 5763 section 5, RFC 8842 section 5): the offer says {@code actpass}, and the
 * answerer chooses.
 */
public enum DtlsRole {
    /** Sends the ClientHello: the {@code active} side. */
    CLIENT,
    /** Answers it: the {@code passive} side. */
    SERVER;

    /**
     * The {@code a=setup} an answerer should send. JSEP (RFC 9429 section 5.3.1) and Chromium answer
     * {@code actpass} with {@code active}, so the answerer's ClientHello can leave as soon as ICE connects.
     *
     * @throws DtlsException with {@link DtlsException.Reason#INVALID_SETUP} for an offer that allows no answer
     */
    public static DtlsSetup answerTo(DtlsSetup offer) {
        return switch (offer) {
            case ACTPASS, PASSIVE -> DtlsSetup.ACTIVE;
            case ACTIVE -> DtlsSetup.PASSIVE;
            case HOLDCONN -> throw invalid(offer, null);
        };
    }

    /**
     * This endpoint's role once the offer and the answer are known.
     *
     * @param offer       the offer's {@code a=setup}
     * @param answer      the answer's {@code a=setup}
     * @param localIsOfferer whether this endpoint made the offer
     * @throws DtlsException with {@link DtlsException.Reason#INVALID_SETUP} when the pair does not name exactly one
     *                       client and one server (an answer of {@code actpass}, both {@code active}, ...)
     */
    public static DtlsRole negotiate(DtlsSetup offer, DtlsSetup answer, boolean localIsOfferer) {
        boolean consistent = switch (answer) {
            case ACTIVE -> offer == DtlsSetup.ACTPASS || offer == DtlsSetup.PASSIVE;
            case PASSIVE -> offer == DtlsSetup.ACTPASS || offer == DtlsSetup.ACTIVE;
            case ACTPASS, HOLDCONN -> false;
        };
        if (!consistent) {
            throw invalid(offer, answer);
        }
        boolean answererIsClient = answer == DtlsSetup.ACTIVE;
        return answererIsClient != localIsOfferer ? CLIENT : SERVER;
    }

    private static DtlsException invalid(DtlsSetup offer, DtlsSetup answer) {
        String pair = "offer a=setup:" + offer.sdpValue() + (answer == null ? "" : ", answer a=setup:"
                + answer.sdpValue());
        return new DtlsException(DtlsException.Reason.INVALID_SETUP, pair + " does not name one DTLS client and one "
                + "server");
    }
}
