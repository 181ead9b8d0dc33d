package dev.confab.media.video.capture;

import dev.confab.media.video.capture.CameraException.Kind;
import dev.confab.media.video.frame.I420Frame;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A running camera, opened by {@link Cameras#open}. Two threads of its own: {@code camera-capture-<name>} reads the
 * device as fast as it delivers (so no picture ages in the device's buffers), thins the pictures to the chosen frame
 * rate and queues them; {@code camera-delivery-<name>} hands them to the {@link VideoFrameConsumer}, at most two
 * waiting (the oldest dropped and counted, see {@link FrameMailbox}).
 *
 * <p>{@link #turnOff()} releases the device (its light goes out) and {@link #turnOn()} opens it again, the threads
 * waiting in between. Capture ends on {@link #close()}; when the device fails, its stream ends or it delivers nothing
 * for the stall timeout (reported as {@link CameraEvent.Failed}); or when its camera is no longer listed
 * ({@link CameraEvent.Removed}, by {@link Cameras}). {@link #finished()} then completes, exceptionally with the
 * {@link CameraException} in the last two cases, once the consumer is called no more.
 *
 * <p>Thread-safe. Events are reported on the capture thread and must return quickly.
 */
public final class CameraCapture implements AutoCloseable {
    private static final long JOIN_MILLIS = 2_000;

    /** Why capture is stopping, once it is. */
    private enum Stop {
        NOT,
        CLOSED,
        REMOVED,
        FAILED
    }

    private final Camera camera;
    private final CameraDevice device;
    private final CameraMode requested;
    private final CameraMode mode;
    private final VideoFrameConsumer consumer;
    private final Consumer<CameraEvent> events;
    private final Consumer<CameraCapture> onEnd;
    private final long stallNanos;
    private final FrameMailbox mailbox;
    private final FrameRateLimiter limiter;
    private final Thread captureThread;
    private final Thread deliveryThread;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Object switching = new Object();
    private final Object state = new Object();
    private CameraStream stream;
    private boolean on = true;
    private Stop stop = Stop.NOT;
    private volatile CameraMode deviceMode;
    private volatile long captured;
    private volatile long thinned;
    private volatile long delivered;
    private volatile long consumerFailures;

    /** A capture of {@code stream}, opened in {@code requested}, delivering {@code mode}; {@link #start()} runs it. */
    CameraCapture(Camera camera, CameraDevice device, CameraMode requested, CameraStream stream, CameraMode mode,
            VideoFrameConsumer consumer, Consumer<CameraEvent> events, Duration stallTimeout,
            Consumer<CameraCapture> onEnd) {
        this.camera = camera;
        this.device = device;
        this.requested = requested;
        this.stream = stream;
        this.deviceMode = stream.mode();
        this.mode = mode;
        this.consumer = consumer;
        this.events = events;
        this.onEnd = onEnd;
        this.stallNanos = stallTimeout.toNanos();
        this.mailbox = new FrameMailbox(mode.size());
        this.limiter = new FrameRateLimiter(mode.frameRate());
        this.captureThread = new Thread(this::captureLoop, "camera-capture-" + camera.name());
        this.deliveryThread = new Thread(this::deliveryLoop, "camera-delivery-" + camera.name());
        captureThread.setDaemon(true);
        deliveryThread.setDaemon(true);
    }

    void start() {
        deliveryThread.start();
        captureThread.start();
    }

    /** The camera as it was listed when opened. */
    public Camera camera() {
        return camera;
    }

    /** What the consumer gets: the size asked for, at the rate asked for or the camera's if that is lower. */
    public CameraMode mode() {
        return mode;
    }

    /** What the device delivers (or did, while off), before scaling and thinning. */
    public CameraMode deviceMode() {
        return deviceMode;
    }

    public CaptureStats stats() {
        return new CaptureStats(captured, delivered, mailbox.dropped(), thinned, consumerFailures);
    }

    public boolean isOn() {
        synchronized (state) {
            return on && stop == Stop.NOT;
        }
    }

    /**
     * Stops capturing and releases the device until {@link #turnOn()}; waits (up to 2 s) until it is released. Frames
     * still queued are dropped; one the consumer is taking may still complete.
     */
    public void turnOff() {
        synchronized (switching) {
            synchronized (state) {
                if (!on || stop != Stop.NOT) {
                    return;
                }
                on = false;
                state.notifyAll();
                long deadline = System.nanoTime() + JOIN_MILLIS * 1_000_000;
                long wait;
                while (stream != null && stop == Stop.NOT && (wait = deadline - System.nanoTime()) > 0) {
                    if (!waitOn(wait)) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            mailbox.discardQueued();
        }
    }

    /**
     * Opens the device again and goes on capturing.
     *
     * @throws CameraException       when the device cannot be opened now (busy, gone)
     * @throws IllegalStateException when capture has ended
     */
    public void turnOn() throws CameraException {
        synchronized (switching) {
            synchronized (state) {
                checkRunning();
                if (on) {
                    return;
                }
            }
            CameraStream opened = device.openStream(requested);
            synchronized (state) {
                if (stop != Stop.NOT) {
                    opened.close();
                    checkRunning();
                }
                stream = opened;
                deviceMode = opened.mode();
                on = true;
                state.notifyAll();
            }
        }
    }

    /** Completes when capture has ended and the consumer is called no more; exceptionally when it failed or was removed. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Stops both threads and releases the device; idempotent. Returns once the consumer is called no more. */
    @Override
    public void close() {
        end(Stop.CLOSED);
    }

    /** Ends capture because the camera is no longer listed. */
    void endRemoved() {
        end(Stop.REMOVED);
    }

    private void end(Stop why) {
        synchronized (state) {
            if (stop == Stop.NOT) {
                stop = why;
            }
            state.notifyAll();
        }
        Thread current = Thread.currentThread();
        if (current == captureThread || current == deliveryThread) {
            return;
        }
        captureThread.interrupt();
        join(captureThread);
        join(deliveryThread);
    }

    private void captureLoop() {
        CameraException failure = null;
        CameraStream reading = null;
        long lastPicture = 0;
        while (failure == null) {
            CameraStream current = streamToRead();
            if (current == null) {
                break;
            }
            if (current != reading) {
                reading = current;
                lastPicture = System.nanoTime();
                limiter.restart();
            }
            I420Frame frame = mailbox.emptyFrame();
            try {
                if (current.read(frame)) {
                    lastPicture = System.nanoTime();
                    captured++;
                    if (limiter.admit(frame.captureTimeMicros())) {
                        mailbox.post(frame);
                        frame = null;
                    } else {
                        thinned++;
                    }
                } else if (System.nanoTime() - lastPicture > stallNanos) {
                    failure = new CameraException(Kind.FAILED, "Camera \"" + camera.name() + "\" delivered no picture"
                            + " for " + Duration.ofNanos(stallNanos).toMillis() + " ms");
                }
            } catch (CameraException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new CameraException(Kind.FAILED, "Camera \"" + camera.name() + "\" failed: " + e, e);
            } finally {
                if (frame != null) {
                    mailbox.recycle(frame);
                }
            }
        }
        finish(failure);
    }

    /** The stream to read while on; closes it and waits while off; null once stopping. */
    private CameraStream streamToRead() {
        synchronized (state) {
            while (stop == Stop.NOT && !on) {
                if (stream != null) {
                    stream.close();
                    stream = null;
                    state.notifyAll();
                }
                waitOn(0); // close() interrupts this thread after setting stop, which the loop looks at.
            }
            return stop == Stop.NOT ? stream : null;
        }
    }

    private void finish(CameraException failure) {
        Stop why;
        synchronized (state) {
            if (stop == Stop.NOT) {
                stop = Stop.FAILED;
            }
            why = stop;
            if (stream != null) {
                stream.close();
                stream = null;
            }
            state.notifyAll();
        }
        mailbox.close();
        join(deliveryThread);
        onEnd.accept(this);
        switch (why) {
            case FAILED -> {
                report(new CameraEvent.Failed(camera.name(), failure));
                finished.completeExceptionally(failure);
            }
            case REMOVED -> finished.completeExceptionally(new CameraException(Kind.REMOVED, "Camera \""
                    + camera.name() + "\" was unplugged or removed"));
            case CLOSED, NOT -> finished.complete(null);
        }
    }

    private void deliveryLoop() {
        I420Frame frame;
        while ((frame = mailbox.takeNext()) != null) {
            try {
                consumer.accept(frame);
                delivered++;
            } catch (RuntimeException e) {
                consumerFailures++;
            } finally {
                mailbox.recycle(frame);
            }
        }
    }

    private void report(CameraEvent event) {
        try {
            events.accept(event);
        } catch (RuntimeException e) {
            // A listener's failure must not keep capture from ending; there is no one left to tell.
        }
    }

    private void checkRunning() {
        if (stop != Stop.NOT) {
            throw new IllegalStateException("capture from \"" + camera.name() + "\" has ended");
        }
    }

    /** Waits on {@code state} (held) up to {@code nanos}, 0 for no limit; false when interrupted instead. */
    private boolean waitOn(long nanos) {
        try {
            if (nanos == 0) {
                state.wait();
            } else {
                state.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Waits up to 2 s for {@code thread} to end, through interrupts (close() interrupts the capture thread). */
    private static void join(Thread thread) {
        if (thread == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + JOIN_MILLIS * 1_000_000;
        long wait;
        while (thread.isAlive() && (wait = deadline - System.nanoTime()) > 0) {
            try {
                thread.join(wait / 1_000_000 + 1);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
