package dev.confab.media.audio.opus;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * An Opus encoder (RFC 6716) for a call's microphone: 48 kHz 16-bit PCM, VOIP application, as an
 * {@link OpusEncoderConfig} sets it up. Bitrate, packet-loss hint, in-band FEC, DTX and complexity change at run time
 * (loss adaptation: {@link OpusLossPolicy}).
 *
 * <p>Buffers belong to the caller. {@link #encode} reads one frame of interleaved samples and writes one packet; it
 * copies through native buffers this encoder allocated once, so steady-state encoding allocates nothing. It returns
 * the packet length, or a negative status that {@link OpusError#of(int)} names. With DTX on, a packet of
 * {@value #DTX_PACKET_MAX_BYTES} bytes or fewer need not be sent (libopus's rule), but sending it does no harm.
 *
 * <p>Lifecycle and thread contract: one thread at a time (the send path's serial queue), including {@link #close()},
 * which frees the native state; calls after it throw {@link IllegalStateException}.
 */
public final class OpusEncoder implements AutoCloseable {
    /** Packets this short carry no audio during DTX and may be left unsent. */
    public static final int DTX_PACKET_MAX_BYTES = 2;
    /** The largest packet the encoder writes (libopus's recommended output size). */
    public static final int MAX_PACKET_BYTES = 4000;

    private final OpusLibrary library;
    private final int channels;
    private final int frameSamples;
    private final Memory pcm;
    private final Memory packet;
    private Pointer state;

    private OpusEncoder(OpusLibrary library, Pointer state, OpusEncoderConfig config) {
        this.library = library;
        this.state = state;
        this.channels = config.channels();
        this.frameSamples = config.frameSamples();
        this.pcm = new Memory((long) frameSamples * channels * Short.BYTES);
        this.packet = new Memory(MAX_PACKET_BYTES);
    }

    /**
     * A new encoder set up as {@code config} says.
     *
     * @throws OpusUnavailableException when no libopus loads
     * @throws IllegalStateException    when libopus refuses the configuration or cannot allocate
     */
    public static OpusEncoder create(OpusEncoderConfig config) {
        OpusLibrary library = OpusLibrary.get();
        int[] error = new int[1];
        Pointer state = OpusNatives.opus_encoder_create(OpusPackets.SAMPLE_RATE, config.channels(),
                OpusNatives.APPLICATION_VOIP, error);
        if (state == null || error[0] != OpusNatives.OK) {
            throw new IllegalStateException("libopus cannot create an encoder: " + OpusError.of(error[0]));
        }
        OpusEncoder encoder = new OpusEncoder(library, state, config);
        try {
            encoder.setBitrate(config.bitrate());
            encoder.setComplexity(config.complexity());
            encoder.setInbandFec(config.inbandFec());
            encoder.setDtx(config.dtx());
            encoder.setPacketLossPercent(config.packetLossPercent());
            encoder.set(OpusNatives.SET_MAX_BANDWIDTH, config.maxBandwidth().code());
            encoder.set(OpusNatives.SET_VBR, config.cbr() ? 0 : 1);
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
        return encoder;
    }

    /** Channels per frame: 1 or 2. */
    public int channels() {
        return channels;
    }

    /** Samples per channel that {@link #encode} takes: 48 per millisecond of the configured frame duration. */
    public int frameSamples() {
        return frameSamples;
    }

    /**
     * Encodes one frame: {@link #frameSamples()} × {@link #channels()} interleaved samples from {@code pcm[pcmOff..]}
     * into {@code out[outOff, outOff + outMax)}.
     *
     * @return the packet length, or a negative {@link OpusError} status ({@link OpusError#BAD_ARG} for ranges outside
     *         the arrays)
     */
    public int encode(short[] pcm, int pcmOff, byte[] out, int outOff, int outMax) {
        Pointer encoder = open();
        int samples = frameSamples * channels;
        if (outside(pcm == null ? -1 : pcm.length, pcmOff, samples)
                || outside(out == null ? -1 : out.length, outOff, outMax)) {
            return OpusError.BAD_ARG.status();
        }
        this.pcm.write(0, pcm, pcmOff, samples);
        int length = OpusNatives.opus_encode(encoder, this.pcm, frameSamples, packet, Math.min(outMax, MAX_PACKET_BYTES));
        if (length > 0) {
            packet.read(0, out, outOff, length);
        }
        return length;
    }

    /** Sets the target bitrate, 6000-510000 bit/s; takes effect from the next frame. */
    public void setBitrate(int bitsPerSecond) {
        set(OpusNatives.SET_BITRATE, OpusEncoderConfig.checkBitrate(bitsPerSecond));
    }

    /** The target bitrate in bit/s, as libopus reports it. */
    public int bitrate() {
        return get(OpusNatives.GET_BITRATE);
    }

    /** Sets the expected packet loss, 0-100 %: with FEC on, above 0 makes packets carry the previous frame. */
    public void setPacketLossPercent(int percent) {
        set(OpusNatives.SET_PACKET_LOSS_PERC, OpusEncoderConfig.checkPacketLossPercent(percent));
    }

    public int packetLossPercent() {
        return get(OpusNatives.GET_PACKET_LOSS_PERC);
    }

    /** Sets the complexity, 0 (cheapest) to 10 (best). */
    public void setComplexity(int complexity) {
        set(OpusNatives.SET_COMPLEXITY, OpusEncoderConfig.checkComplexity(complexity));
    }

    public int complexity() {
        return get(OpusNatives.GET_COMPLEXITY);
    }

    /** Turns in-band FEC (LBRR) on or off. */
    public void setInbandFec(boolean on) {
        set(OpusNatives.SET_INBAND_FEC, on ? 1 : 0);
    }

    public boolean inbandFec() {
        return get(OpusNatives.GET_INBAND_FEC) != 0;
    }

    /** Turns discontinuous transmission on or off. */
    public void setDtx(boolean on) {
        set(OpusNatives.SET_DTX, on ? 1 : 0);
    }

    public boolean dtx() {
        return get(OpusNatives.GET_DTX) != 0;
    }

    /** The encoder's delay in samples at 48 kHz (312 for VOIP: 6.5 ms), which a decoded signal lags its source by. */
    public int lookahead() {
        return get(OpusNatives.GET_LOOKAHEAD);
    }

    /** Frees the native encoder; closing twice does nothing. */
    @Override
    public void close() {
        if (state != null) {
            OpusNatives.opus_encoder_destroy(state);
            state = null;
        }
    }

    private void set(int request, int value) {
        int status = library.ctl().opus_encoder_ctl(open(), request, value);
        if (status != OpusNatives.OK) {
            throw new IllegalStateException("libopus refused encoder request " + request + " = " + value + ": "
                    + OpusError.of(status));
        }
    }

    private int get(int request) {
        IntByReference value = new IntByReference();
        int status = library.ctl().opus_encoder_ctl(open(), request, value);
        if (status != OpusNatives.OK) {
            throw new IllegalStateException("libopus refused encoder request " + request + ": " + OpusError.of(status));
        }
        return value.getValue();
    }

    private Pointer open() {
        if (state == null) {
            throw new IllegalStateException("the Opus encoder is closed");
        }
        return state;
    }

    static boolean outside(int arrayLength, int off, int len) {
        return arrayLength < 0 || off < 0 || len < 0 || off > arrayLength - len;
    }
}
