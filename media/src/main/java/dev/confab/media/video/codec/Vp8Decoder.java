package dev.confab.media.video.codec;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import dev.confab.media.video.ffmpeg.AvFrames;
import dev.confab.media.video.ffmpeg.FfmpegNatives;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.util.Objects;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A VP8 decoder for one received video stream: FFmpeg's own VP8 decoder through avcodec, single-threaded so that each
 * frame comes out as it goes in. Bad input is an answer, never an exception: {@link #decode} returns a
 * {@link DecodeStatus}, and after a corrupt, oversized or undecodable frame the decoder drops delta frames undecoded
 * ({@link DecodeStatus#NEEDS_KEYFRAME}) until a keyframe decodes, instead of showing garbage built on a broken
 * reference. It starts in that state too. Frames and keyframe sizes beyond {@link #maxSize()} are refused before
 * FFmpeg sees them, so a forged header cannot make it allocate a huge picture.
 *
 * <p>Buffers belong to the caller: {@link #decode} reads a byte range and fills an {@link I420Frame}, resizing it to
 * the stream's size; the native packet buffer and picture are allocated once (the buffer grows to the largest frame
 * seen). {@link #close()} frees them.
 *
 * <p>Lifecycle and thread contract: one thread at a time (the stream's receive queue), {@link #close()} included; calls
 * after it throw {@link IllegalStateException}. The counters may be read from any thread.
 */
public final class Vp8Decoder implements AutoCloseable {
    /** The default limit: 4K UHD. */
    public static final FrameSize DEFAULT_MAX_SIZE = new FrameSize(3840, 2160);

    /** avutil's frame.h flag, a macro the JavaCPP mapping leaves out. */
    private static final int AV_FRAME_FLAG_CORRUPT = 1;

    private final FrameSize maxSize;
    private final int maxFrameBytes;
    private AVCodecContext context;
    private AVPacket packet;
    private AVFrame picture;
    private BytePointer input;
    private int inputCapacity;
    private boolean awaitingKeyframe = true;
    private volatile long decoded;
    private volatile long failed;
    private volatile long skipped;

    private Vp8Decoder(FrameSize maxSize) {
        this.maxSize = maxSize;
        this.maxFrameBytes = 2 * maxSize.i420Bytes();
    }

    /** A decoder for pictures up to {@link #DEFAULT_MAX_SIZE}. */
    public static Vp8Decoder open() {
        return open(DEFAULT_MAX_SIZE);
    }

    /**
     * A decoder for pictures up to {@code maxSize} (each side separately).
     *
     * @throws IllegalStateException when the FFmpeg natives are missing or cannot make a decoder
     */
    public static Vp8Decoder open(FrameSize maxSize) {
        FfmpegNatives.load();
        Vp8Decoder decoder = new Vp8Decoder(maxSize);
        decoder.openNative();
        return decoder;
    }

    public FrameSize maxSize() {
        return maxSize;
    }

    /** Whether delta frames are being dropped until a keyframe decodes: ask the sender for one while this holds. */
    public boolean awaitingKeyframe() {
        return awaitingKeyframe;
    }

    /** Frames decoded, hidden ones included. */
    public long decodedFrames() {
        return decoded;
    }

    /** Frames refused as corrupt or too large. */
    public long failedFrames() {
        return failed;
    }

    /** Delta frames dropped while waiting for a keyframe. */
    public long skippedFrames() {
        return skipped;
    }

    /** Decodes {@code frame}'s bytes into {@code out}, which takes the frame's capture time when it gets a picture. */
    public DecodeStatus decode(EncodedFrame frame, I420Frame out) {
        DecodeStatus status = decode(frame.data(), 0, frame.length(), out);
        if (status == DecodeStatus.DECODED) {
            out.setCaptureTimeMicros(frame.captureTimeMicros());
        }
        return status;
    }

    /**
     * Decodes the VP8 frame {@code data[off, off + len)}; on {@link DecodeStatus#DECODED} {@code out} holds the
     * picture at the stream's size, otherwise it is unchanged.
     *
     * @throws IndexOutOfBoundsException when the range lies outside {@code data} (a bug in the caller, not bad input)
     */
    public DecodeStatus decode(byte[] data, int off, int len, I420Frame out) {
        if (context == null) {
            throw new IllegalStateException("the VP8 decoder is closed");
        }
        Objects.checkFromIndexSize(off, len, data.length);
        if (len > maxFrameBytes) {
            return fail(DecodeStatus.TOO_LARGE);
        }
        boolean keyframe = Vp8FrameHeader.isKeyframe(data, off, len);
        if (!keyframe && awaitingKeyframe) {
            skipped++;
            return DecodeStatus.NEEDS_KEYFRAME;
        }
        if (keyframe && (Vp8FrameHeader.keyframeWidth(data, off) > maxSize.width()
                || Vp8FrameHeader.keyframeHeight(data, off) > maxSize.height())) {
            return fail(DecodeStatus.TOO_LARGE);
        }
        ensureInput(len);
        input.position(0).put(data, off, len);
        // FFmpeg reads ahead into the padding and needs it zero: a longer frame before left its bytes there.
        Pointer.memset(input.position(len), 0, AV_INPUT_BUFFER_PADDING_SIZE);
        packet.data(input.position(0)).size(len);
        if (avcodec_send_packet(context, packet) < 0) {
            return fail(DecodeStatus.CORRUPT);
        }
        int status = avcodec_receive_frame(context, picture);
        if (status == AVERROR_EAGAIN()) {
            decoded++;
            return DecodeStatus.HIDDEN;
        }
        try {
            if (status < 0 || picture.format() != AV_PIX_FMT_YUV420P || corrupt(picture)) {
                return fail(DecodeStatus.CORRUPT);
            }
            AvFrames.copyOut(picture, out);
        } finally {
            av_frame_unref(picture);
        }
        awaitingKeyframe = false;
        decoded++;
        return DecodeStatus.DECODED;
    }

    /** Whether FFmpeg marked the picture as damaged (AV_FRAME_FLAG_CORRUPT, or decode error flags). */
    private static boolean corrupt(AVFrame picture) {
        return (picture.flags() & AV_FRAME_FLAG_CORRUPT) != 0 || picture.decode_error_flags() != 0;
    }

    /** Frees the native decoder, picture and buffers; closing twice does nothing. */
    @Override
    public void close() {
        freeNative();
    }

    private DecodeStatus fail(DecodeStatus status) {
        failed++;
        awaitingKeyframe = true;
        avcodec_flush_buffers(context);
        return status;
    }

    /** The padding after the last frame's {@code len} bytes, as FFmpeg saw it: for tests. */
    byte[] paddingAfter(int len) {
        byte[] padding = new byte[AV_INPUT_BUFFER_PADDING_SIZE];
        input.position(len).get(padding);
        input.position(0);
        return padding;
    }

    private void ensureInput(int len) {
        if (len + AV_INPUT_BUFFER_PADDING_SIZE <= inputCapacity) {
            return;
        }
        int capacity = Math.min(maxFrameBytes, Math.max(len, 2 * inputCapacity)) + AV_INPUT_BUFFER_PADDING_SIZE;
        BytePointer grown = new BytePointer(av_malloc(capacity)).capacity(capacity);
        if (grown.isNull()) {
            throw new OutOfMemoryError("no native memory for a " + len + "-byte VP8 frame");
        }
        grown.position(0).fill(0);
        if (input != null) {
            av_free(input.position(0));
        }
        input = grown;
        inputCapacity = capacity;
    }

    private void openNative() {
        AVCodec codec = avcodec_find_decoder(AV_CODEC_ID_VP8);
        if (codec == null) {
            throw new IllegalStateException("this FFmpeg has no VP8 decoder");
        }
        context = avcodec_alloc_context3(codec);
        packet = av_packet_alloc();
        picture = av_frame_alloc();
        if (context == null || packet == null || picture == null) {
            freeNative();
            throw new IllegalStateException("out of native memory for a VP8 decoder");
        }
        context.thread_count(1).max_pixels(maxSize.pixels());
        int status = avcodec_open2(context, codec, (AVDictionary) null);
        if (status < 0) {
            freeNative();
            throw new IllegalStateException("FFmpeg cannot open a VP8 decoder: " + FfmpegNatives.describe(status));
        }
    }

    private void freeNative() {
        if (packet != null) {
            packet.data(null).size(0);
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
        if (input != null) {
            av_free(input.position(0));
            input = null;
            inputCapacity = 0;
        }
    }
}
