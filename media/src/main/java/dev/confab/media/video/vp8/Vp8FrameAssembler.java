package dev.confab.media.video.vp8;

import dev.confab.media.rtp.BigEndian;
import dev.confab.media.rtp.RtpTimestamps;
import dev.confab.media.rtp.Unwrapper;

/**
 * Puts received VP8 RTP packets (RFC 7741) back together into frames for the decoder, in order, and only frames the
 * decoder can use. A frame is complete when the packets from its first (S set, PID 0) to its last (the RTP marker bit)
 * have all arrived, with consecutive sequence numbers and one timestamp; packets may come lost, duplicated or out of
 * order, and sequence numbers may wrap. Padding-only packets (an empty payload, as a sender probing bandwidth sends)
 * fill their sequence numbers and belong to no frame.
 *
 * <p>A VP8 interframe is decodable only if the frame before it was decoded, so frames leave strictly in order: the
 * next one starts right after the last one handed out, or, when the sequence numbers between hold only padding or
 * are missing, it is the frame whose PictureID follows the last one's (RFC 7741 section 4.2: PictureIDs count frames,
 * so a lost padding packet loses no frame; 7- and 15-bit IDs wrap). When the next frame has a gap, the assembler
 * waits for the missing packets (which {@link #missing} lists for a NACK) until
 * {@link Vp8AssemblerConfig#maxWaitTicks()} (or what {@link #setMaxWaitTicks} set) of RTP time has passed behind the
 * gap, or until it would have to hold more than {@link Vp8AssemblerConfig#maxPackets()}. Then the frame is lost for
 * good (as is a frame that can never complete: packets of another timestamp or a new frame's start inside it, or
 * more than {@link Vp8AssemblerConfig#maxFrameBytes()}): the assembler
 * {@linkplain #waitingForKeyFrame() waits for a key frame} (the caller should send a PLI), hands out no interframe
 * until one is complete, and then resumes from it, throwing away what came before. It starts out waiting for a key
 * frame too. Neither the N bit nor temporal layers (TID, TL0PICIDX) are used to keep decoding past a lost frame that
 * nothing depends on: Chromium sets neither for a camera stream without scalability.
 *
 * <p>Use: {@link #insert} each packet, then {@link #pollFrame} until it returns false. Bad or unwanted packets are
 * dropped with a status and counted ({@link #stats()}); nothing throws. Memory is fixed by the
 * {@link Vp8AssemblerConfig}, and steady state allocates nothing.
 *
 * <p>Thread contract: one thread at a time (the stream's receive queue).
 */
public final class Vp8FrameAssembler {
    private static final long NONE = Long.MIN_VALUE;
    private static final int INCOMPLETE = 0;
    private static final int COMPLETE = 1;
    private static final int BROKEN = 2;

    private final Vp8AssemblerConfig config;
    private final PacketRing ring;
    private int maxWaitTicks;
    private final Vp8DescriptorReader descriptor = new Vp8DescriptorReader();
    private final Unwrapper sequences = Unwrapper.forSequenceNumbers();
    private boolean started;
    private boolean decodable;
    /** The oldest extended sequence number not yet handed out or given up; everything held is at or after it. */
    private long next;
    private long newest;
    private long newestTimestamp;
    /** The last packet of the frame that starts at {@link #next}, once that frame can be handed out. */
    private long readyEnd = NONE;
    private int readyBytes;
    private long scanEnd;
    private int scanBytes;
    /** The last frame handed out's PictureID, or absent; it is 15 bits with {@link #lastLongPictureId}. */
    private int lastPictureId = Vp8DescriptorReader.ABSENT;
    private boolean lastLongPictureId;
    private long packets;
    private long padding;
    private long malformed;
    private long oversize;
    private long duplicates;
    private long late;
    private long frames;
    private long keyFrames;
    private long framesDiscarded;
    private long unrecoverableLosses;
    private long restarts;

    public Vp8FrameAssembler(Vp8AssemblerConfig config) {
        this.config = config;
        this.ring = new PacketRing(config.maxPackets(), config.maxPacketBytes());
        this.maxWaitTicks = config.maxWaitTicks();
    }

    /**
     * Changes how long, in RTP time, a missing packet is waited for (first {@link Vp8AssemblerConfig#maxWaitTicks()}):
     * a receiver stretches it to a few round trips on a slow path, so that a retransmission can still make it.
     */
    public void setMaxWaitTicks(int ticks) {
        if (ticks < 0) {
            throw new IllegalArgumentException("a wait is not negative: " + ticks);
        }
        maxWaitTicks = ticks;
    }

    /**
     * Takes one packet: its RTP sequence number, timestamp and marker bit, and its payload {@code buf[off, off + len)}
     * (descriptor and VP8 data, padding removed; empty for a padding-only packet), which is copied. Returns 0 if the
     * packet is held, or a negative status that {@link Vp8Failure#of(int)} explains if it was dropped.
     */
    public int insert(int sequenceNumber, long timestamp, boolean marker, byte[] buf, int off, int len) {
        if (sequenceNumber < 0 || sequenceNumber > 0xffff || timestamp < 0 || timestamp > 0xffff_ffffL
                || BigEndian.outside(buf, off, len)) {
            return Vp8Failure.INVALID_ARGUMENT.status();
        }
        packets++;
        int descriptorLength = 0;
        int flags = PacketRing.PADDING;
        if (len == 0) {
            padding++;
        } else {
            descriptorLength = descriptor.wrap(buf, off, len);
            flags = descriptorLength < 0 ? descriptorLength
                    : flags(marker, buf, off + descriptorLength, len - descriptorLength);
        }
        if (flags < 0) {
            if (flags == Vp8Failure.OVERSIZE.status()) {
                oversize++;
            } else {
                malformed++;
            }
            return flags;
        }
        long seq = sequences.unwrap(sequenceNumber);
        int room = makeRoom(seq);
        if (room < 0) {
            return room;
        }
        if (ring.has(seq)) {
            duplicates++;
            return Vp8Failure.DUPLICATE.status();
        }
        ring.put(seq, timestamp, flags, len == 0 ? Vp8DescriptorReader.ABSENT : descriptor.pictureId(), buf,
                off + descriptorLength, len - descriptorLength);
        if (seq > newest) {
            newest = seq;
            newestTimestamp = timestamp;
        }
        advance();
        return 0;
    }

    /**
     * Fills {@code out} with the next frame the decoder can take, and returns true; false if there is none yet.
     */
    public boolean pollFrame(Vp8FrameBuffer out) {
        if (readyEnd == NONE) {
            return false;
        }
        byte[] dst = out.reserve(readyBytes);
        long first = next;
        boolean key = ring.is(first, PacketRing.KEY_FRAME);
        out.describe(readyBytes, ring.timestamp(first), ring.pictureId(first), key, (int) first & 0xffff,
                (int) readyEnd & 0xffff);
        int at = 0;
        for (long seq = first; seq <= readyEnd; seq++) {
            at = ring.copy(seq, dst, at);
            ring.remove(seq);
        }
        next = readyEnd + 1;
        lastPictureId = ring.pictureId(first);
        lastLongPictureId = ring.is(first, PacketRing.LONG_PICTURE_ID);
        frames++;
        if (key) {
            keyFrames++;
        }
        advance();
        return true;
    }

    /**
     * Whether the decoder has no usable reference: before the first key frame, and after a frame was lost for good,
     * until a key frame is handed out. While this holds the caller should ask the sender for a key frame (PLI),
     * repeating the request at its own pace.
     */
    public boolean waitingForKeyFrame() {
        return !decodable;
    }

    /**
     * Writes to {@code dst} the RTP sequence numbers still awaited, oldest first, as many as fit: the gaps between
     * the oldest packet not handed out and the newest received. While a key frame is awaited and the start of one is
     * held, only the gaps after that start are listed, since nothing before it will be used. Returns how many.
     */
    public int missing(int[] dst) {
        if (!started) {
            return 0;
        }
        long from = next;
        for (long seq = newest; !decodable && seq > next; seq--) {
            if (ring.has(seq) && ring.is(seq, PacketRing.KEY_FRAME)) {
                from = seq;
                break;
            }
        }
        int count = 0;
        for (long seq = from; seq < newest && count < dst.length; seq++) {
            if (!ring.has(seq)) {
                dst[count++] = (int) seq & 0xffff;
            }
        }
        return count;
    }

    public Vp8AssemblerStats stats() {
        return new Vp8AssemblerStats(packets, padding, malformed, oversize, duplicates, late, frames, keyFrames,
                framesDiscarded, unrecoverableLosses, restarts);
    }

    /** The ring flags for a packet whose VP8 data is {@code buf[off, off + len)}, or a negative status. */
    private int flags(boolean marker, byte[] buf, int off, int len) {
        if (len == 0) {
            return Vp8Failure.NO_DATA.status();
        }
        if (len > config.maxPacketBytes()) {
            return Vp8Failure.OVERSIZE.status();
        }
        int flags = (marker ? PacketRing.MARKER : 0) | (descriptor.longPictureId() ? PacketRing.LONG_PICTURE_ID : 0);
        if (!descriptor.startsFrame()) {
            return flags;
        }
        int header = Vp8PayloadHeader.check(buf, off, len);
        if (header < 0) {
            return header;
        }
        boolean key = header == Vp8PayloadHeader.KEY_FRAME_LENGTH;
        return flags | PacketRing.FRAME_START | (key ? PacketRing.KEY_FRAME : 0);
    }

    /** Keeps everything held within one ring of {@code seq}; returns 0, or {@link Vp8Failure#LATE}. */
    private int makeRoom(long seq) {
        int capacity = ring.capacity();
        if (!started) {
            started = true;
            next = seq;
            newest = seq - 1;
        } else if (seq < next) {
            if (next - seq > capacity) {
                restart(seq);
            } else if (decodable || newest - seq >= capacity) {
                late++;
                return Vp8Failure.LATE.status();
            } else {
                next = seq;
            }
        } else if (seq - next >= capacity) {
            long oldest = seq - capacity + 1;
            discard(next, oldest);
            next = oldest;
            if (decodable) {
                lose();
            }
        }
        return 0;
    }

    /** Sequence numbers went back further than reordering could take them: a sender that started over. */
    private void restart(long seq) {
        discard(next, next + ring.capacity());
        restarts++;
        decodable = false;
        lastPictureId = Vp8DescriptorReader.ABSENT;
        next = seq;
        newest = seq - 1;
    }

    /** Finds the frame to hand out next, giving frames up as the rules in the class comment say. */
    private void advance() {
        readyEnd = NONE;
        while (true) {
            if (!decodable) {
                long key = firstCompleteKeyFrame();
                if (key != NONE) {
                    discard(next, key);
                    next = key;
                    decodable = true;
                    readyEnd = scanEnd;
                    readyBytes = scanBytes;
                }
                return;
            }
            while (ring.has(next) && ring.is(next, PacketRing.PADDING)) {
                ring.remove(next++);
            }
            int state = frameAt(next);
            long successor = state == INCOMPLETE && !ring.has(next) ? successorAfterGap() : NONE;
            if (successor != NONE) {
                state = frameAt(successor);
                if (state == COMPLETE) {
                    discard(next, successor);
                    next = successor;
                }
            }
            if (state == COMPLETE) {
                readyEnd = scanEnd;
                readyBytes = scanBytes;
                return;
            }
            if (state == INCOMPLETE && !waitedTooLong()) {
                return;
            }
            lose();
        }
    }

    /**
     * The start of the frame after the last one handed out, if it is the first data packet held after the gap at
     * {@link #next} and its PictureID says it follows: then the gap held no frame.
     */
    private long successorAfterGap() {
        if (lastPictureId == Vp8DescriptorReader.ABSENT) {
            return NONE;
        }
        int expected = (lastPictureId + 1) & (lastLongPictureId ? 0x7fff : 0x7f);
        for (long seq = next + 1; seq <= newest; seq++) {
            if (ring.has(seq) && !ring.is(seq, PacketRing.PADDING)) {
                boolean follows = ring.is(seq, PacketRing.FRAME_START) && ring.pictureId(seq) == expected
                        && ring.is(seq, PacketRing.LONG_PICTURE_ID) == lastLongPictureId;
                return follows ? seq : NONE;
            }
        }
        return NONE;
    }

    private void lose() {
        decodable = false;
        lastPictureId = Vp8DescriptorReader.ABSENT;
        unrecoverableLosses++;
    }

    private long firstCompleteKeyFrame() {
        for (long seq = next; seq <= newest; seq++) {
            if (ring.has(seq) && ring.is(seq, PacketRing.KEY_FRAME) && frameAt(seq) == COMPLETE) {
                return seq;
            }
        }
        return NONE;
    }

    /** Whether the frame starting at {@code start} is complete (then see scanEnd, scanBytes), incomplete or broken. */
    private int frameAt(long start) {
        if (!ring.has(start)) {
            return INCOMPLETE;
        }
        if (!ring.is(start, PacketRing.FRAME_START)) {
            return BROKEN;
        }
        long timestamp = ring.timestamp(start);
        long bytes = 0;
        for (long seq = start; seq <= newest; seq++) {
            if (!ring.has(seq)) {
                return INCOMPLETE;
            }
            if (ring.is(seq, PacketRing.PADDING)) {
                continue;
            }
            if (seq != start && (ring.is(seq, PacketRing.FRAME_START) || ring.timestamp(seq) != timestamp)) {
                return BROKEN;
            }
            bytes += ring.length(seq);
            if (bytes > config.maxFrameBytes()) {
                return BROKEN;
            }
            if (ring.is(seq, PacketRing.MARKER)) {
                scanEnd = seq;
                scanBytes = (int) bytes;
                return COMPLETE;
            }
        }
        return INCOMPLETE;
    }

    /** Whether the newest packet is more than the allowed wait after the oldest one held behind the gap. */
    private boolean waitedTooLong() {
        for (long seq = next; seq <= newest; seq++) {
            if (ring.has(seq)) {
                return RtpTimestamps.diff(newestTimestamp, ring.timestamp(seq)) > maxWaitTicks;
            }
        }
        return false;
    }

    /** Throws away the packets held in {@code [from, to)}, counting the frames their data belonged to. */
    private void discard(long from, long to) {
        long end = Math.min(to, from + ring.capacity());
        long lastTimestamp = NONE;
        for (long seq = from; seq < end; seq++) {
            if (ring.has(seq)) {
                long timestamp = ring.timestamp(seq);
                if (!ring.is(seq, PacketRing.PADDING) && timestamp != lastTimestamp) {
                    framesDiscarded++;
                    lastTimestamp = timestamp;
                }
                ring.remove(seq);
            }
        }
    }
}
