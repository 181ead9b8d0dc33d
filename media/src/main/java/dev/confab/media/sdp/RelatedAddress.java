package dev.confab.media.sdp;

/**
 * The {@code raddr}/{@code rport} of a reflexive or relayed ICE candidate (RFC 8839 section 5.1): the address it was
 * derived from. Chromium writes {@code 0.0.0.0 0} when it hides the host address. Immutable.
 *
 * @param address an IP address or mDNS name
 * @param port    0-65535
 */
public record RelatedAddress(String address, int port) {

    /** Validates both. */
    public RelatedAddress {
        CandidateAddress.check("raddr", address);
        Tokens.inRange("rport", port, 0, 65535);
    }
}
