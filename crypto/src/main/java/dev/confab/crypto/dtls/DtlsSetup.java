package dev.confab.crypto.dtls;

import java.util.Locale;

/**
 * The SDP {@code a=setup} attribute (RFC 4145 section 4, used for DTLS by RFC 5763 section 5 and RFC 8842): which
 * side opens the DTLS association. {@code active} is the DTLS client, {@code passive} the server.
 */
public enum DtlsSetup {
    /** Either role; what an offer carries (RFC 8842 section 5.2). */
    ACTPASS,
    /** This side is the DTLS client. */
    ACTIVE,
    /** This side is the DTLS server. */
    PASSIVE,
    /** No connection yet; Confab never sends it and does not connect when it is received. */
    HOLDCONN;

    /**
     * The value of an {@code a=setup} attribute, case-insensitively.
     *
     * @throws DtlsException with {@link DtlsException.Reason#INVALID_SETUP} for anything else
     */
    public static DtlsSetup parse(String value) {
        if (value != null && value.length() <= 16) {
            for (DtlsSetup setup : values()) {
                if (setup.sdpValue().equalsIgnoreCase(value.strip())) {
                    return setup;
                }
            }
        }
        throw new DtlsException(DtlsException.Reason.INVALID_SETUP, "a=setup must be actpass, active, passive "
                + "or holdconn");
    }

    /** The attribute value: {@code actpass}, {@code active}, {@code passive} or {@code holdconn}. */
    public String sdpValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
