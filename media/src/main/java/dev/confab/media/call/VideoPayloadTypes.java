package dev.confab.media.call;

/** Checks on the negotiated video payload types. Stateless. */
final class VideoPayloadTypes {
    private VideoPayloadTypes() {}

    /** Throws unless {@code payloadType} is 0-127 and {@code rtxPayloadType} 0 (no RTX) or another 1-127. */
    static void check(int payloadType, int rtxPayloadType) {
        if (payloadType < 0 || payloadType > 127 || rtxPayloadType < 0 || rtxPayloadType > 127
                || rtxPayloadType == payloadType) {
            throw new IllegalArgumentException("payload types are 0-127 and RTX's (0 for none) differs from the"
                    + " media's: " + payloadType + ", " + rtxPayloadType);
        }
    }
}
