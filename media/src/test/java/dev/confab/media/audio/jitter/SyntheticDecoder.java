package dev.confab.media.audio.jitter;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A stand-in codec whose output says which packet it decoded: an audio payload carries its extended timestamp and
 * duration, and decodes to {@link SpeechLikeSignal} at exactly those samples; with the FEC flag it can also recover the
 * frame before it. DTX payloads are two bytes (as Opus DTX frames are) and decode to silence, as does concealment. It
 * logs the timestamps it decoded. The {@link #withTone() tone} variant decodes to a 200 Hz tone from a table instead,
 * for the fuzz target, where computing the signal would dominate. Playout thread only.
 */
final class SyntheticDecoder implements FrameDecoder {
    private static final byte AUDIO = 1;
    private static final byte AUDIO_WITH_FEC = 2;
    private static final byte DTX = (byte) 0xDD;
    private static final int AUDIO_BYTES = 11;

    private static final short[] TONE = new short[240];

    static {
        for (int i = 0; i < TONE.length; i++) {
            TONE[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * i / TONE.length));
        }
    }

    private final boolean tone;
    private long[] decoded = new long[1024];
    private int decodedCount;

    SyntheticDecoder() {
        this(false);
    }

    private SyntheticDecoder(boolean tone) {
        this.tone = tone;
    }

    static SyntheticDecoder withTone() {
        return new SyntheticDecoder(true);
    }

    static byte[] audio(long timestamp, int samples, boolean withFec) {
        return ByteBuffer.allocate(AUDIO_BYTES).put(withFec ? AUDIO_WITH_FEC : AUDIO).putLong(timestamp)
                .putShort((short) samples).array();
    }

    static byte[] dtx(int samples) {
        return new byte[] {DTX, (byte) (samples / 120)};
    }

    /** Extended timestamps of the audio packets decoded, in order. */
    long[] decodedTimestamps() {
        return Arrays.copyOf(decoded, decodedCount);
    }

    @Override
    public int samples(byte[] p, int off, int len) {
        if (len == 2 && p[off] == DTX) {
            return (p[off + 1] & 0xff) * 120;
        }
        if (len != AUDIO_BYTES || (p[off] != AUDIO && p[off] != AUDIO_WITH_FEC)) {
            return -1;
        }
        return ByteBuffer.wrap(p, off, len).getShort(off + 9) & 0xffff;
    }

    @Override
    public boolean isDtx(byte[] p, int off, int len) {
        return len <= 2;
    }

    @Override
    public int decode(byte[] p, int off, int len, short[] out, int outOff) {
        int samples = samples(p, off, len);
        if (samples <= 0) {
            return -1;
        }
        if (isDtx(p, off, len)) {
            Arrays.fill(out, outOff, outOff + samples, (short) 0);
            return samples;
        }
        long timestamp = ByteBuffer.wrap(p, off, len).getLong(off + 1);
        if (decodedCount == decoded.length) {
            decoded = Arrays.copyOf(decoded, decoded.length * 2);
        }
        decoded[decodedCount++] = timestamp;
        write(timestamp, out, outOff, samples);
        return samples;
    }

    private void write(long timestamp, short[] out, int outOff, int samples) {
        if (tone) {
            for (int i = 0; i < samples; i++) {
                out[outOff + i] = TONE[(int) Math.floorMod(timestamp + i, (long) TONE.length)];
            }
        } else {
            SpeechLikeSignal.fill(timestamp, out, outOff, samples);
        }
    }

    @Override
    public int decodeFec(byte[] p, int off, int len, short[] out, int outOff, int samples) {
        if (samples(p, off, len) <= 0 || p[off] != AUDIO_WITH_FEC) {
            return -1;
        }
        long timestamp = ByteBuffer.wrap(p, off, len).getLong(off + 1);
        write(timestamp - samples, out, outOff, samples);
        return samples;
    }

    @Override
    public int conceal(short[] out, int outOff, int samples) {
        Arrays.fill(out, outOff, outOff + samples, (short) 0);
        return samples;
    }
}
