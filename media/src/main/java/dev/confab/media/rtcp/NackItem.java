package dev.confab.media.rtcp;

/**
 * One FCI entry of a Generic NACK (RFC 4585 6.2.1): a lost packet and a bitmask of the 16 after it that were also
 * lost. Immutable.
 *
 * @param packetId     the lost sequence number, 0-65535
 * @param lostBitmask  bit i set: packet {@code packetId + i + 1} was lost too, 0-65535
 */
public record NackItem(int packetId, int lostBitmask) {
    /** Checks both are 16-bit. */
    public NackItem {
        if (packetId < 0 || packetId > 0xffff || lostBitmask < 0 || lostBitmask > 0xffff) {
            throw new IllegalArgumentException("NACK fields are 16-bit");
        }
    }
}
