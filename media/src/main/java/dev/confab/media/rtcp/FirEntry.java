package dev.confab.media.rtcp;

/**
 * One FCI entry of a Full Intra Request (RFC 5104 4.3.1.1). Immutable.
 *
 * @param ssrc           the source asked for a key frame
 * @param sequenceNumber the request's command sequence number, 0-255, increased for each new request
 */
public record FirEntry(int ssrc, int sequenceNumber) {
    /** Checks the sequence number is 8-bit. */
    public FirEntry {
        if (sequenceNumber < 0 || sequenceNumber > 255) {
            throw new IllegalArgumentException("FIR sequence numbers are 8-bit, not " + sequenceNumber);
        }
    }
}
