package dev.confab.media.audio.device;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays to a device through Java Sound on a dedicated thread ({@code audio-playout}, maximum priority): waits until the
 * line has room for a 20 ms frame, pulls the frame from the supplier and writes it to the line (into both channels of a
 * stereo line). When the line breaks or the device goes away it reports {@link DeviceEvent.Lost}, keeps pulling
 * frames in real time (and drops them) while it opens the chosen device again or the system default, and goes on. An
 * empty line buffer once playing is reported as an underrun. Thread-safe.
 */
public final class LinePlayout extends ThreadedAudio implements AudioPlayout {
    private static final long STALLED_WRITE_PAUSE_NANOS = 1_000_000;

    private LinePlayout(LineSession session, FrameSupplier supplier) {
        super(AudioThread.start("audio-playout", new PlayoutLoop(session, supplier)), session::stats);
    }

    /** Starts playing to {@code device}; events are reported on the playout thread and must return quickly. */
    public static LinePlayout start(AudioDevices devices, AudioDevice device, LineOptions options,
            FrameSupplier supplier, Consumer<DeviceEvent> events) {
        if (device.direction() != Direction.PLAYOUT) {
            throw new IllegalArgumentException("not a playout device: " + device);
        }
        return new LinePlayout(new LineSession(devices, device, options, events), supplier);
    }

    private static final class PlayoutLoop implements AudioThread.Loop {
        private final LineSession session;
        private final FrameSupplier supplier;
        private final FramePacer pacer = new FramePacer(System::nanoTime);
        private final short[] frame = AudioFrames.newFrame();
        private final byte[] bytes = new byte[AudioFrames.lineFrameBytes(2)];
        private OpenedLine playing;
        private LineWait wait;
        private long framesOnLine;

        PlayoutLoop(LineSession session, FrameSupplier supplier) {
            this.session = session;
            this.supplier = supplier;
        }

        @Override
        public boolean step() {
            OpenedLine opened = session.line();
            if (opened == null) {
                pull();
                pacer.awaitNextFrame();
                return true;
            }
            if (opened != playing) {
                playing = opened;
                wait = LineWait.forPlayout(opened);
                framesOnLine = 0;
            }
            SourceDataLine line = (SourceDataLine) opened.line();
            int free = line.available();
            if (framesOnLine * opened.frameBytes() > line.getBufferSize() && free >= line.getBufferSize()) {
                session.underrun();
            }
            wait.untilFrameAvailable(free);
            pull();
            AudioFrames.toLine(frame, bytes, opened.channels());
            write(line, opened.frameBytes());
            framesOnLine++;
            pacer.restart();
            return true;
        }

        @Override
        public void end() {
            session.close();
        }

        @Override
        public void unblock() {
            session.interrupt();
        }

        private void write(SourceDataLine line, int length) {
            int written = 0;
            while (written < length && !Thread.currentThread().isInterrupted()) {
                int moved = line.write(bytes, written, length - written);
                written += moved;
                if (!session.moved(moved, length - (written - moved))) {
                    return;
                }
                if (moved == 0) {
                    LockSupport.parkNanos(STALLED_WRITE_PAUSE_NANOS);
                }
            }
        }

        private void pull() {
            session.frame();
            try {
                supplier.fill(frame);
            } catch (RuntimeException e) {
                Arrays.fill(frame, (short) 0);
                session.report(new DeviceEvent.CallbackFailed(e));
            }
        }
    }
}
