package dev.confab.media.audio.device;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sound.sampled.TargetDataLine;

/**
 * Captures from a device through Java Sound on a dedicated thread ({@code audio-capture}, maximum priority): reads 20
 * ms from the line (waking as the frame completes), downmixes a stereo line to mono, hands the frame to the consumer.
 * When the line breaks or the device goes away it reports {@link DeviceEvent.Lost}, delivers silent frames in real
 * time while it opens the chosen device again or the system default, and goes on. A full line buffer is reported as
 * an overrun. Thread-safe.
 */
public final class LineCapture extends ThreadedAudio implements AudioCapture {
    private static final long STALLED_READ_PAUSE_NANOS = 1_000_000;

    private LineCapture(LineSession session, FrameConsumer consumer) {
        super(AudioThread.start("audio-capture", new CaptureLoop(session, consumer)), session::stats);
    }

    /** Starts capturing from {@code device}; events are reported on the capture thread and must return quickly. */
    public static LineCapture start(AudioDevices devices, AudioDevice device, LineOptions options,
            FrameConsumer consumer, Consumer<DeviceEvent> events) {
        if (device.direction() != Direction.CAPTURE) {
            throw new IllegalArgumentException("not a capture device: " + device);
        }
        return new LineCapture(new LineSession(devices, device, options, events), consumer);
    }

    private static final class CaptureLoop implements AudioThread.Loop {
        private final LineSession session;
        private final FrameConsumer consumer;
        private final FramePacer pacer = new FramePacer(System::nanoTime);
        private final short[] frame = AudioFrames.newFrame();
        private final byte[] bytes = new byte[AudioFrames.lineFrameBytes(2)];
        private OpenedLine reading;
        private LineWait wait;

        CaptureLoop(LineSession session, FrameConsumer consumer) {
            this.session = session;
            this.consumer = consumer;
        }

        @Override
        public boolean step() {
            OpenedLine opened = session.line();
            if (opened == null) {
                pacer.awaitNextFrame();
                Arrays.fill(frame, (short) 0);
                deliver();
                return true;
            }
            if (opened != reading) {
                reading = opened;
                wait = LineWait.forCapture(opened);
            }
            TargetDataLine line = (TargetDataLine) opened.line();
            int available = line.available();
            if (available >= line.getBufferSize()) {
                session.overrun();
            }
            int wanted = opened.frameBytes();
            wait.untilFrameAvailable(available);
            int read = line.read(bytes, 0, wanted);
            if (session.moved(read, wanted) && read == wanted) {
                AudioFrames.fromLine(bytes, opened.channels(), frame);
                deliver();
                pacer.restart();
            } else if (read < wanted) {
                LockSupport.parkNanos(STALLED_READ_PAUSE_NANOS);
            }
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

        private void deliver() {
            session.frame();
            try {
                consumer.accept(frame);
            } catch (RuntimeException e) {
                session.report(new DeviceEvent.CallbackFailed(e));
            }
        }
    }
}
