package dev.confab.media.audio.opus;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * An Opus decoder (RFC 6716) for one received stream: 48 kHz 16-bit PCM, mono or stereo whatever the sender coded.
 * Besides normal decoding it conceals a lost packet ({@link #conceal}, PLC) and recovers one from the in-band FEC of
 * the packet after it ({@link #decodeFec}); either keeps the decoder's state continuous, so a jitter buffer calls
 * exactly one of the three for every packet slot, in order.
 *
 * <p>Buffers belong to the caller. Each method writes interleaved samples to {@code pcm[pcmOff..]} and returns the
 * samples per channel written, or a negative status that {@link OpusError#of(int)} names; malformed packets return
 * {@link OpusError#INVALID_PACKET} and never throw. Packets longer than {@value #MAX_PACKET_BYTES} bytes are refused
 * with {@link OpusError#BAD_ARG}. The decoder copies through native buffers allocated once, so steady-state decoding
 * allocates nothing.
 *
 * <p>Lifecycle and thread contract: one thread at a time (the stream's playout or receive queue), including
 * {@link #close()}, which frees the native state; calls after it throw {@link IllegalStateException}.
 */
public final class OpusDecoder implements AutoCloseable {
    /** The longest packet the decoder takes (a 120 ms fullband stereo packet fits easily; RTP MTUs are ~1200). */
    public static final int MAX_PACKET_BYTES = OpusEncoder.MAX_PACKET_BYTES;

    private final int channels;
    private final Memory packet;
    private final Memory pcm;
    private Pointer state;

    private OpusDecoder(Pointer state, int channels) {
        this.state = state;
        this.channels = channels;
        this.packet = new Memory(MAX_PACKET_BYTES);
        this.pcm = new Memory((long) OpusPackets.MAX_SAMPLES * channels * Short.BYTES);
    }

    /**
     * A new decoder that outputs {@code channels} channels at 48 kHz.
     *
     * @throws OpusUnavailableException when no libopus loads
     * @throws IllegalStateException    when libopus cannot allocate the decoder
     */
    public static OpusDecoder create(int channels) {
        OpusEncoderConfig.checkChannels(channels);
        OpusLibrary.get();
        int[] error = new int[1];
        Pointer state = OpusNatives.opus_decoder_create(OpusPackets.SAMPLE_RATE, channels, error);
        if (state == null || error[0] != OpusNatives.OK) {
            throw new IllegalStateException("libopus cannot create a decoder: " + OpusError.of(error[0]));
        }
        return new OpusDecoder(state, channels);
    }

    public int channels() {
        return channels;
    }

    /**
     * Decodes {@code packet[off, off + len)} into room for {@code maxSamples} samples per channel; packets last up to
     * {@value OpusPackets#MAX_SAMPLES} samples (120 ms), so less room may return {@link OpusError#BUFFER_TOO_SMALL};
     * more room than that is fine.
     */
    public int decode(byte[] packet, int off, int len, short[] pcm, int pcmOff, int maxSamples) {
        return run(packet, off, len, pcm, pcmOff, Math.min(maxSamples, OpusPackets.MAX_SAMPLES), false);
    }

    /**
     * Conceals one lost packet (PLC): writes {@code samples} samples per channel, the lost packet's duration (a
     * multiple of 2.5 ms, 120 samples), extrapolated from what came before.
     */
    public int conceal(short[] pcm, int pcmOff, int samples) {
        return run(null, 0, 0, pcm, pcmOff, samples, false);
    }

    /**
     * Recovers the packet lost just before {@code next} from the in-band FEC that {@code next[off, off + len)} carries
     * (decode_fec = 1), writing {@code samples} samples per channel, the lost packet's duration. Where {@code next}
     * carries no FEC, libopus conceals instead. Decode {@code next} itself afterwards as usual.
     */
    public int decodeFec(byte[] next, int off, int len, short[] pcm, int pcmOff, int samples) {
        return run(next, off, len, pcm, pcmOff, samples, true);
    }

    /** Frees the native decoder; closing twice does nothing. */
    @Override
    public void close() {
        if (state != null) {
            OpusNatives.opus_decoder_destroy(state);
            state = null;
        }
    }

    private int run(byte[] data, int off, int len, short[] out, int outOff, int samples, boolean fec) {
        if (state == null) {
            throw new IllegalStateException("the Opus decoder is closed");
        }
        if (samples <= 0 || samples > OpusPackets.MAX_SAMPLES
                || OpusEncoder.outside(out == null ? -1 : out.length, outOff, samples * channels)) {
            return OpusError.BAD_ARG.status();
        }
        if (data != null) {
            if (len < 1 || len > MAX_PACKET_BYTES || OpusEncoder.outside(data.length, off, len)) {
                return OpusError.BAD_ARG.status();
            }
            packet.write(0, data, off, len);
        }
        int decoded = OpusNatives.opus_decode(state, data == null ? null : packet, len, pcm, samples, fec ? 1 : 0);
        if (decoded > 0) {
            pcm.read(0, out, outOff, decoded * channels);
        }
        return decoded;
    }
}
