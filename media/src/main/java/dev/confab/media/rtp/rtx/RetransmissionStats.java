package dev.confab.media.rtp.rtx;

/**
 * What a {@link RetransmissionBuffer} has done since it was made. Immutable.
 *
 * @param stored          packets stored
 * @param refusedToStore  packets not stored: too long for a slot, or not RTP
 * @param resent          packets handed out for a retransmission
 * @param resentBytes     their bytes
 * @param notStored       requests for a sequence number not held (never sent or pushed out)
 * @param tooOld          requests for a packet older than the age limit
 * @param resentRecently  requests refused because the packet was resent less than a round trip before
 */
public record RetransmissionStats(long stored, long refusedToStore, long resent, long resentBytes, long notStored,
        long tooOld, long resentRecently) {
}
