package dev.confab.media.video.capture;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avdevice.avdevice_register_all;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import dev.confab.media.video.capture.CameraException.Kind;
import dev.confab.media.video.ffmpeg.FfmpegNatives;
import dev.confab.media.video.frame.FrameSize;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One video input through FFmpeg, opened by avformat and decoded by avcodec: a capture device through avdevice (v4l2,
 * dshow, avfoundation, lavfi) or a file of any container and codec FFmpeg reads. Devices are read without blocking
 * ({@code AVFMT_FLAG_NONBLOCK}), polled every 2 ms up to the caller's wait, so a stalled camera cannot hold the capture
 * thread. FFmpeg's error codes become {@link CameraException}s of the matching kind (busy, not there, unplugged).
 *
 * <p>Lifecycle and thread contract: one thread at a time (the capture thread), {@link #close()} included.
 */
final class AvInput implements AutoCloseable {
    /** avformat.h's flag "do not block when reading packets from input", a macro the JavaCPP mapping leaves out. */
    private static final int AVFMT_FLAG_NONBLOCK = 0x0004;
    private static final long POLL_NANOS = 2_000_000;
    private static final int DEFAULT_FRAME_RATE = 30;
    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EIO = 5;
    private static final int ENXIO = 6;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int ENODEV = 19;
    private static final int EINVAL = 22;

    private static volatile boolean devicesRegistered;

    private final String cameraName;
    private AVFormatContext format;
    private AVCodecContext decoder;
    private AVPacket packet;
    private AVFrame picture;
    private int streamIndex;
    private double timeBaseSeconds;
    private FrameSize size;
    private int frameRate;
    private boolean draining;
    private boolean ended;

    private AvInput(String cameraName) {
        this.cameraName = cameraName;
    }

    /**
     * Opens {@code url} with the input format named {@code inputFormat} (null: a file, its format probed) and the
     * format's {@code options}, and its best video stream's decoder.
     */
    static AvInput open(String cameraName, String inputFormat, String url, Map<String, String> options)
            throws CameraException {
        registerDevices();
        AvInput input = new AvInput(cameraName);
        try {
            input.openFormat(inputFormat, url, options);
            input.openDecoder();
            return input;
        } catch (CameraException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** The picture size the stream announces. */
    FrameSize size() {
        return size;
    }

    /** The stream's frame rate, rounded to whole frames a second (30 when it does not say). */
    int frameRate() {
        return frameRate;
    }

    /** Whether the input ended (the end of a file, or of a finite lavfi source): {@link #next} gives no more. */
    boolean ended() {
        return ended;
    }

    /**
     * Decodes the next picture, waiting up to {@code waitNanos} for a device to deliver; the picture stays valid until
     * the next call. Returns null when none came in that time or the input {@link #ended()}. A picture that does not
     * decode (damaged in transfer) is skipped.
     *
     * @throws CameraException {@code REMOVED} when the device went away, {@code FAILED} on other read errors
     */
    AVFrame next(long waitNanos) throws CameraException {
        long deadline = System.nanoTime() + waitNanos;
        while (true) {
            int status = avcodec_receive_frame(decoder, picture);
            if (status >= 0) {
                return picture;
            }
            if (status == AVERROR_EOF() || draining) {
                ended = true;
                return null;
            }
            if (status != AVERROR_EAGAIN()) {
                throw failure(Kind.FAILED, "its pictures do not decode", status);
            }
            status = av_read_frame(format, packet);
            if (status == AVERROR_EAGAIN()) {
                if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                    return null;
                }
                LockSupport.parkNanos(POLL_NANOS);
            } else if (status == AVERROR_EOF()) {
                draining = true;
                avcodec_send_packet(decoder, (AVPacket) null);
            } else if (status < 0) {
                throw readError(status);
            } else {
                if (packet.stream_index() == streamIndex) {
                    avcodec_send_packet(decoder, packet);
                }
                av_packet_unref(packet);
            }
        }
    }

    /** The presentation time of {@code picture} in seconds, NaN when it has none. */
    double ptsSeconds(AVFrame picture) {
        long pts = picture.best_effort_timestamp();
        return pts == AV_NOPTS_VALUE ? Double.NaN : pts * timeBaseSeconds;
    }

    @Override
    public void close() {
        if (picture != null) {
            av_frame_free(picture);
            picture = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (decoder != null) {
            avcodec_free_context(decoder);
            decoder = null;
        }
        if (format != null) {
            avformat_close_input(format);
            format = null;
        }
    }

    private void openFormat(String inputFormat, String url, Map<String, String> options) throws CameraException {
        AVInputFormat input = null;
        if (inputFormat != null) {
            input = av_find_input_format(inputFormat);
            if (input == null) {
                throw new CameraException(Kind.FAILED, "Camera \"" + cameraName + "\" needs FFmpeg's " + inputFormat
                        + " input, which this build of FFmpeg lacks");
            }
        }
        AVFormatContext context = avformat_alloc_context();
        if (context == null) {
            throw new OutOfMemoryError("no native memory for an FFmpeg input");
        }
        if (inputFormat != null) {
            context.flags(context.flags() | AVFMT_FLAG_NONBLOCK);
        }
        AVDictionary dictionary = new AVDictionary(null);
        options.forEach((key, value) -> av_dict_set(dictionary, key, value, 0));
        int status = avformat_open_input(context, url, input, dictionary);
        av_dict_free(dictionary);
        if (status < 0) {
            throw openError(status, !options.isEmpty());
        }
        format = context;
        if (inputFormat == null && (status = avformat_find_stream_info(format, (PointerPointer<?>) null)) < 0) {
            throw failure(Kind.FAILED, "FFmpeg cannot read its streams", status);
        }
        streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
        if (streamIndex < 0) {
            throw new CameraException(Kind.FAILED, "\"" + cameraName + "\" (" + url + ") holds no video");
        }
    }

    private void openDecoder() throws CameraException {
        AVStream stream = format.streams(streamIndex);
        AVCodecParameters parameters = stream.codecpar();
        AVCodec codec = avcodec_find_decoder(parameters.codec_id());
        if (codec == null) {
            throw new CameraException(Kind.FAILED, "Camera \"" + cameraName + "\" sends "
                    + avcodec_get_name(parameters.codec_id()).getString() + ", which this FFmpeg cannot decode");
        }
        if (parameters.width() < 1 || parameters.height() < 1 || parameters.width() > FrameSize.MAX_SIDE
                || parameters.height() > FrameSize.MAX_SIDE) {
            throw new CameraException(Kind.UNSUPPORTED_MODE, "Camera \"" + cameraName + "\" delivers pictures of "
                    + parameters.width() + "x" + parameters.height() + ", which Confab cannot send");
        }
        size = new FrameSize(parameters.width(), parameters.height());
        frameRate = rate(stream);
        timeBaseSeconds = stream.time_base().num() / (double) stream.time_base().den();
        decoder = avcodec_alloc_context3(codec);
        packet = av_packet_alloc();
        picture = av_frame_alloc();
        if (decoder == null || packet == null || picture == null) {
            throw new OutOfMemoryError("no native memory for a decoder");
        }
        int status = avcodec_parameters_to_context(decoder, parameters);
        if (status >= 0) {
            decoder.thread_count(1);
            status = avcodec_open2(decoder, codec, (AVDictionary) null);
        }
        if (status < 0) {
            throw failure(Kind.FAILED, "its decoder does not open", status);
        }
    }

    private static int rate(AVStream stream) {
        for (AVRational rational : new AVRational[] {stream.avg_frame_rate(), stream.r_frame_rate()}) {
            if (rational.num() > 0 && rational.den() > 0) {
                long rounded = Math.round(rational.num() / (double) rational.den());
                return (int) Math.clamp(rounded, 1, CameraMode.MAX_FRAME_RATE);
            }
        }
        return DEFAULT_FRAME_RATE;
    }

    private CameraException openError(int status, boolean modeAsked) {
        return switch (-status) {
            case EBUSY -> failure(Kind.BUSY, "it is busy: another program is using it", status);
            case ENOENT, ENODEV, ENXIO -> failure(Kind.NO_CAMERA, "it is not connected", status);
            case EACCES, EPERM -> failure(Kind.FAILED, "Confab may not open it (on Linux, is the user in the video"
                    + " group?)", status);
            case EINVAL -> modeAsked ? failure(Kind.UNSUPPORTED_MODE, "it refused the size and frame rate asked for",
                    status) : failure(Kind.FAILED, "it does not open", status);
            default -> failure(Kind.FAILED, "it does not open", status);
        };
    }

    private CameraException readError(int status) {
        return switch (-status) {
            case ENODEV, EIO, ENOENT, ENXIO -> failure(Kind.REMOVED, "it was unplugged", status);
            default -> failure(Kind.FAILED, "it stopped delivering pictures", status);
        };
    }

    private CameraException failure(Kind kind, String what, int status) {
        return new CameraException(kind, "Camera \"" + cameraName + "\": " + what + " ("
                + FfmpegNatives.describe(status) + ")");
    }

    /**
     * Loads FFmpeg and registers its capture devices (avdevice), once per JVM.
     *
     * @throws IllegalStateException when the FFmpeg natives for this platform are missing
     */
    static void registerDevices() {
        FfmpegNatives.load();
        if (!devicesRegistered) {
            synchronized (AvInput.class) {
                if (!devicesRegistered) {
                    FfmpegNatives.loadUninterrupted(() -> avdevice_register_all());
                    devicesRegistered = true;
                }
            }
        }
    }
}
