package dev.confab.media.video.codec;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.confab.media.video.ffmpeg.AvFrames;
import dev.confab.media.video.ffmpeg.FfmpegNatives;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A VP8 encoder for a call's camera: libvpx through avcodec in realtime mode (deadline realtime, no lag, error
 * resilient, CBR with a one-second buffer, no frame dropping), set up by a {@link Vp8EncoderConfig}. One I420 picture
 * in, one compressed frame out, at once.
 *
 * <p>At run time: {@link #setBitrate} changes the target without a keyframe where {@link #changesBitrateInPlace()}
 * (see {@link LibvpxRateControl}; elsewhere it reopens the encoder, which starts with a keyframe);
 * {@link #requestKeyframe()} makes the next frame a keyframe (a receiver's PLI or FIR); {@link #reconfigure} changes
 * the picture size and frame rate by opening a new libvpx encoder, so the next frame is a keyframe.
 *
 * <p>Buffers belong to the caller: {@link #encode} reads an {@link I420Frame} and fills an {@link EncodedFrame}; the
 * native picture and packet are allocated once per opening. Native memory is freed by {@link #close()} (and by a
 * reopening), not by the garbage collector.
 *
 * <p>Lifecycle and thread contract: one thread at a time (the send path's video queue), {@link #close()} included;
 * calls after it throw {@link IllegalStateException}.
 */
public final class Vp8Encoder implements AutoCloseable {
    /** Timestamps go to libvpx in RTP's 90 kHz video clock. */
    static final int TIME_BASE_HZ = 90_000;
    private static final long NO_FRAME_YET = -1;

    private Vp8EncoderConfig config;
    private AVCodecContext context;
    private AVFrame picture;
    private AVPacket packet;
    private LibvpxRateControl rateControl;
    private boolean bitrateChangePending;
    private boolean keyframeRequested;
    private long firstCaptureMicros;
    private long lastPts = NO_FRAME_YET;
    private boolean closed;

    private Vp8Encoder(Vp8EncoderConfig config) {
        this.config = config;
    }

    /**
     * A new encoder set up as {@code config} says.
     *
     * @throws IllegalStateException when the FFmpeg natives are missing or libvpx refuses the configuration
     */
    public static Vp8Encoder open(Vp8EncoderConfig config) {
        FfmpegNatives.load();
        Vp8Encoder encoder = new Vp8Encoder(config);
        encoder.openNative();
        return encoder;
    }

    public Vp8EncoderConfig config() {
        return config;
    }

    /** Whether {@link #setBitrate} changes the rate of the running encoder (no keyframe) rather than reopening it. */
    public boolean changesBitrateInPlace() {
        return rateControl != null;
    }

    /**
     * Encodes {@code in}, which must have the configured size, into {@code out}. The frame's capture time becomes
     * the output's and, in 90 kHz ticks since the first frame, libvpx's timestamp (rate control reads the frame rate
     * from it); times that do not increase are moved just past the previous one.
     *
     * @return true when {@code out} holds a frame; false when the encoder produced none for this picture
     * @throws IllegalArgumentException when {@code in} has another size (call {@link #reconfigure} first)
     * @throws IllegalStateException    when libvpx fails, or the encoder is closed
     */
    public boolean encode(I420Frame in, EncodedFrame out) {
        checkOpen();
        if (!in.size().equals(config.size())) {
            throw new IllegalArgumentException("picture of " + in.size() + " for an encoder of " + config.size());
        }
        check(av_frame_make_writable(picture), "make the picture writable");
        AvFrames.copyIn(in, picture);
        if (lastPts == NO_FRAME_YET) {
            firstCaptureMicros = in.captureTimeMicros();
        }
        long pts = Math.max(Math.floorDiv((in.captureTimeMicros() - firstCaptureMicros) * 9, 100), lastPts + 1);
        lastPts = pts;
        picture.pts(pts);
        picture.pict_type(keyframeRequested ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        check(avcodec_send_frame(context, picture), "encode a picture");
        keyframeRequested = false;
        int status = avcodec_receive_packet(context, packet);
        if (status == AVERROR_EAGAIN()) {
            return false;
        }
        check(status, "take an encoded frame");
        try {
            int length = packet.size();
            byte[] data = out.prepare(length, (packet.flags() & AV_PKT_FLAG_KEY) != 0, in.captureTimeMicros());
            packet.data().position(0).get(data, 0, length);
        } finally {
            av_packet_unref(packet);
        }
        if (bitrateChangePending) {
            bitrateChangePending = false;
            if (!rateControl.confirm(config.bitrate())) {
                rateControl = null;
                reopen();
            }
        }
        return true;
    }

    /** Makes the next encoded frame a keyframe. */
    public void requestKeyframe() {
        checkOpen();
        keyframeRequested = true;
    }

    /**
     * Sets the target bitrate, {@value Vp8EncoderConfig#MIN_BITRATE}-{@value Vp8EncoderConfig#MAX_BITRATE} bit/s,
     * from the next frame on.
     */
    public void setBitrate(int bitrate) {
        checkOpen();
        Vp8EncoderConfig.checkBitrate(bitrate);
        if (bitrate == config.bitrate()) {
            return;
        }
        config = config.withBitrate(bitrate);
        if (rateControl != null) {
            rateControl.request(bitrate);
            setRates(context, bitrate);
            bitrateChangePending = true;
        } else {
            reopen();
        }
    }

    /**
     * Opens a new libvpx encoder for {@code size} at {@code frameRate}, keeping the other settings; its first frame is
     * a keyframe.
     */
    public void reconfigure(FrameSize size, int frameRate) {
        checkOpen();
        config = config.withSize(size, frameRate);
        reopen();
    }

    /** Frees the native encoder, picture and packet; closing twice does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            freeNative();
        }
    }

    private void reopen() {
        freeNative();
        bitrateChangePending = false;
        openNative();
    }

    private void openNative() {
        AVCodec codec = avcodec_find_encoder_by_name("libvpx");
        if (codec == null) {
            throw new IllegalStateException("this FFmpeg has no libvpx VP8 encoder");
        }
        context = avcodec_alloc_context3(codec);
        picture = av_frame_alloc();
        packet = av_packet_alloc();
        if (context == null || picture == null || packet == null) {
            freeNative();
            throw new IllegalStateException("out of native memory for a VP8 encoder");
        }
        FrameSize size = config.size();
        context.width(size.width()).height(size.height()).pix_fmt(AV_PIX_FMT_YUV420P);
        context.time_base(av_make_q(1, TIME_BASE_HZ)).framerate(av_make_q(config.frameRate(), 1));
        setRates(context, config.bitrate());
        context.rc_initial_buffer_occupancy(config.bitrate() / 2);
        context.qmin(config.minQuantizer()).qmax(config.maxQuantizer());
        context.gop_size(config.keyframeIntervalFrames()).thread_count(config.threads());
        AVDictionary options = new AVDictionary(null);
        try {
            av_dict_set(options, "deadline", "realtime", 0);
            av_dict_set(options, "lag-in-frames", "0", 0);
            av_dict_set(options, "error-resilient", "default", 0);
            av_dict_set(options, "cpu-used", Integer.toString(config.cpuUsed()), 0);
            av_dict_set(options, "static-thresh", "1", 0);
            av_dict_set(options, "undershoot-pct", "100", 0);
            av_dict_set(options, "overshoot-pct", "15", 0);
            av_dict_set(options, "max-intra-rate", Integer.toString(maxIntraRatePercent(config.frameRate())), 0);
            int status = avcodec_open2(context, codec, options);
            if (status < 0) {
                freeNative();
                throw new IllegalStateException("libvpx refuses " + config + ": " + FfmpegNatives.describe(status));
            }
        } finally {
            av_dict_free(options);
        }
        picture.width(size.width()).height(size.height()).format(AV_PIX_FMT_YUV420P);
        if (av_frame_get_buffer(picture, 32) < 0) {
            freeNative();
            throw new IllegalStateException("out of native memory for a " + size + " picture");
        }
        rateControl = LibvpxRateControl.locate(context, config, TIME_BASE_HZ);
        lastPts = NO_FRAME_YET;
    }

    /** CBR: avcodec's libvpx wrapper turns min = max = target into VPX_CBR, and the buffer into 1 s of it. */
    private static void setRates(AVCodecContext context, int bitrate) {
        context.bit_rate(bitrate).rc_min_rate(bitrate).rc_max_rate(bitrate).rc_buffer_size(bitrate);
    }

    /**
     * libwebrtc's cap on a keyframe's size, as a percentage of an average frame: half the optimal buffer (600 ms) worth
     * of frames, so a keyframe does not stall the stream for long.
     */
    static int maxIntraRatePercent(int frameRate) {
        return Math.max(300, (int) (0.5 * 600 * frameRate / 10));
    }

    private void freeNative() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (picture != null) {
            av_frame_free(picture);
            picture = null;
        }
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
        rateControl = null;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the VP8 encoder is closed");
        }
    }

    private static void check(int status, String what) {
        if (status < 0) {
            throw new IllegalStateException("VP8 encoder cannot " + what + ": " + FfmpegNatives.describe(status));
        }
    }
}
