package dev.confab.media.video.capture;

import dev.confab.media.video.capture.CameraException.Kind;
import dev.confab.media.video.convert.AvFrameScaler;
import dev.confab.media.video.frame.I420Frame;
import java.time.Clock;
import java.time.Instant;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A {@link CameraStream} over an {@link AvInput}: each picture decoded, converted to I420 and scaled to the frame's
 * size, stamped with the clock's time as it is handed over. A device paces itself; a file or lavfi source is held to
 * its timestamps. At the end of its input a looping stream (a file) opens the input again, and reports the camera
 * {@code REMOVED} when that fails because the file is gone; any other stream fails there.
 *
 * <p>Thread contract: one thread at a time (the capture thread), {@link #close()} included.
 */
final class DecodedStream implements CameraStream {
    private static final long WAIT_NANOS = 100_000_000L;

    /** Opens the input again, for a looping stream. */
    @FunctionalInterface
    interface Reopener {
        AvInput open() throws CameraException;
    }

    /** How a stream behaves at its end and how it is paced. */
    enum Behaviour {
        /** A capture device: paced by the device; its end is a failure. */
        DEVICE,
        /** A source faster than real time (lavfi): held to its timestamps; its end is a failure. */
        TIMED_SOURCE,
        /** A video file: held to its timestamps, played again from the start at its end. */
        LOOPING_FILE
    }

    private final String cameraName;
    private final CameraMode mode;
    private final Reopener reopener;
    private final Behaviour behaviour;
    private final Clock clock;
    private final StreamPacer pacer;
    private final AvFrameScaler scaler = new AvFrameScaler();
    private AvInput input;

    DecodedStream(String cameraName, AvInput input, Reopener reopener, Behaviour behaviour, Clock clock) {
        this.cameraName = cameraName;
        this.input = input;
        this.mode = new CameraMode(input.size(), input.frameRate());
        this.reopener = reopener;
        this.behaviour = behaviour;
        this.clock = clock;
        this.pacer = new StreamPacer(mode.frameIntervalNanos());
    }

    @Override
    public CameraMode mode() {
        return mode;
    }

    @Override
    public boolean read(I420Frame out) throws CameraException {
        AVFrame picture = input.next(Math.max(WAIT_NANOS, 2 * mode.frameIntervalNanos()));
        if (picture == null && input.ended()) {
            if (behaviour != Behaviour.LOOPING_FILE) {
                throw new CameraException(Kind.FAILED, "Camera \"" + cameraName + "\" stopped: its stream ended");
            }
            input.close();
            input = reopen();
            picture = input.next(WAIT_NANOS);
            if (picture == null && input.ended()) {
                throw new CameraException(Kind.FAILED, "\"" + cameraName + "\" holds no pictures");
            }
        }
        if (picture == null) {
            return false;
        }
        if (behaviour != Behaviour.DEVICE) {
            pacer.awaitPresentation(input.ptsSeconds(picture));
        }
        scaler.toI420(picture, out);
        Instant now = clock.instant();
        out.setCaptureTimeMicros(now.getEpochSecond() * 1_000_000L + now.getNano() / 1000);
        return true;
    }

    @Override
    public void close() {
        input.close();
        scaler.close();
    }

    private AvInput reopen() throws CameraException {
        try {
            return reopener.open();
        } catch (CameraException e) {
            throw e.kind() == Kind.NO_CAMERA
                    ? new CameraException(Kind.REMOVED, "\"" + cameraName + "\" is gone: " + e.getMessage(), e)
                    : e;
        }
    }
}
