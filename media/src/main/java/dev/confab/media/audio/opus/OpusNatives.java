package dev.confab.media.audio.opus;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * libopus's C functions (opus.h, opus_defines.h). The per-frame calls are JNA direct-mapped natives, bound by
 * {@link OpusLibrary} when it loads, so that they allocate nothing; the variadic {@code *_ctl} calls go through
 * {@link Ctl}, an interface mapping, because direct mapping cannot pass C varargs (only settings use them).
 */
final class OpusNatives {
    static final int OK = 0;
    static final int APPLICATION_VOIP = 2048;
    static final int SET_BITRATE = 4002;
    static final int GET_BITRATE = 4003;
    static final int SET_MAX_BANDWIDTH = 4004;
    static final int SET_VBR = 4006;
    static final int SET_COMPLEXITY = 4010;
    static final int GET_COMPLEXITY = 4011;
    static final int SET_INBAND_FEC = 4012;
    static final int GET_INBAND_FEC = 4013;
    static final int SET_PACKET_LOSS_PERC = 4014;
    static final int GET_PACKET_LOSS_PERC = 4015;
    static final int SET_DTX = 4016;
    static final int GET_DTX = 4017;
    static final int GET_LOOKAHEAD = 4027;
    static final int GET_LAST_PACKET_DURATION = 4039;

    private OpusNatives() {}

    static native String opus_get_version_string();

    static native Pointer opus_encoder_create(int sampleRate, int channels, int application, int[] error);

    static native void opus_encoder_destroy(Pointer encoder);

    static native int opus_encode(Pointer encoder, Pointer pcm, int frameSize, Pointer data, int maxDataBytes);

    static native Pointer opus_decoder_create(int sampleRate, int channels, int[] error);

    static native void opus_decoder_destroy(Pointer decoder);

    static native int opus_decode(Pointer decoder, Pointer data, int len, Pointer pcm, int frameSize, int decodeFec);

    /** The variadic control calls; each call allocates its argument array, which is fine for settings. */
    interface Ctl extends Library {
        int opus_encoder_ctl(Pointer encoder, int request, Object... args);

        int opus_decoder_ctl(Pointer decoder, int request, Object... args);
    }
}
