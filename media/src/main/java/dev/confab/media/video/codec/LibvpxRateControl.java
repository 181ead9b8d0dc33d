package dev.confab.media.video.codec;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Changes the target bitrate of a running libvpx VP8 encoder inside avcodec without a new keyframe, as libwebrtc does
 * with {@code vpx_codec_enc_config_set}. avcodec offers no call for it (libvpx is linked into it with hidden symbols)
 * but one way in: before each frame its libvpx wrapper compares {@code avctx->qmax} with the encoder's
 * {@code rc_max_quantizer} and, when they differ, hands libvpx a copy of the encoder's live configuration with qmax in
 * it. So a change writes the new {@code rc_target_bitrate} into that live configuration and nudges
 * {@code rc_max_quantizer} off qmax; the next frame then reconfigures libvpx with the new rate and qmax restored.
 *
 * <p>That needs the memory layout of avcodec's private context and libvpx's {@code vpx_codec_enc_cfg}, so it is used
 * only with the avcodec it was verified on ({@value #VERIFIED_AVCODEC}, libvpx 1.14.1, org.bytedeco:ffmpeg
 * 7.1-1.5.11) and only when the fields it finds hold exactly what the encoder was opened with; {@link #locate}
 * returns null otherwise, and {@link #confirm} tells whether a change was taken. Thread contract: the encoder's.
 */
final class LibvpxRateControl {
    static final String VERIFIED_AVCODEC = "61.19.100";
    private static final int VERIFIED_VERSION = 61 << 16 | 19 << 8 | 100;
    private static final String ENCODER_NAME = "WebM Project VP8 Encoder";
    /** In avcodec's VPxContext: {@code AVClass *class}, then {@code struct vpx_codec_ctx encoder}. */
    private static final int CODEC_CONTEXT_LONGS = 1;
    /** In vpx_codec_ctx: name, iface, err, err_detail, init_flags, then {@code config.enc}, 8 bytes each. */
    private static final int CONFIG_LONGS = 5;
    // Int indexes of fields of vpx_codec_enc_cfg (vpx_encoder.h, ABI of libvpx 1.14).
    private static final int G_W = 3;
    private static final int G_H = 4;
    private static final int TIMEBASE_NUM = 7;
    private static final int TIMEBASE_DEN = 8;
    private static final int LAG_IN_FRAMES = 11;
    private static final int END_USAGE = 18;
    private static final int VPX_CBR = 1;
    private static final int TARGET_KBPS = 28;
    private static final int MIN_QUANTIZER = 29;
    private static final int MAX_QUANTIZER = 30;

    private final IntPointer config;
    private final int maxQuantizer;

    private LibvpxRateControl(IntPointer config, int maxQuantizer) {
        this.config = config;
        this.maxQuantizer = maxQuantizer;
    }

    /** The live configuration of {@code context}'s libvpx encoder, or null if it cannot be found with certainty. */
    static LibvpxRateControl locate(AVCodecContext context, Vp8EncoderConfig expected, int timeBaseDen) {
        if (avcodec.avcodec_version() != VERIFIED_VERSION) {
            return null;
        }
        LongPointer priv = new LongPointer(context.priv_data());
        String name = new BytePointer(at(priv.get(CODEC_CONTEXT_LONGS))).getString();
        if (!name.startsWith(ENCODER_NAME)) {
            return null;
        }
        IntPointer config = new IntPointer(at(priv.get(CODEC_CONTEXT_LONGS + CONFIG_LONGS)));
        boolean matches = config.get(G_W) == expected.size().width() && config.get(G_H) == expected.size().height()
                && config.get(TIMEBASE_NUM) == 1 && config.get(TIMEBASE_DEN) == timeBaseDen
                && config.get(LAG_IN_FRAMES) == 0 && config.get(END_USAGE) == VPX_CBR
                && config.get(TARGET_KBPS) == kbps(expected.bitrate())
                && config.get(MIN_QUANTIZER) == expected.minQuantizer()
                && config.get(MAX_QUANTIZER) == expected.maxQuantizer();
        return matches ? new LibvpxRateControl(config, expected.maxQuantizer()) : null;
    }

    /** Asks for {@code bitrate} from the next frame on. */
    void request(int bitrate) {
        config.put(TARGET_KBPS, kbps(bitrate));
        config.put(MAX_QUANTIZER, maxQuantizer == 0 ? 1 : maxQuantizer - 1);
    }

    /** After a frame following {@link #request}: whether libvpx took the change (qmax is back and the rate holds). */
    boolean confirm(int bitrate) {
        return config.get(MAX_QUANTIZER) == maxQuantizer && config.get(TARGET_KBPS) == kbps(bitrate);
    }

    static int kbps(int bitrate) {
        return (bitrate + 500) / 1000;
    }

    private static Pointer at(long nativeAddress) {
        return new Pointer() {
            {
                address = nativeAddress;
            }
        };
    }
}
