package dev.confab.media.video.vp8;

/** One RTP packet of a VP8 stream as the assembler takes it: header fields and payload (descriptor and data). */
record TestPacket(int sequence, long timestamp, boolean marker, byte[] payload) {

    /** Hands this packet to {@code assembler}; returns its status. */
    int insertInto(Vp8FrameAssembler assembler) {
        return assembler.insert(sequence, timestamp, marker, payload, 0, payload.length);
    }
}
