package dev.confab.media.call;

import dev.confab.media.video.codec.DecodeStatus;
import dev.confab.media.video.codec.Vp8Decoder;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import dev.confab.media.video.vp8.Vp8FrameBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The decoding end of a {@link VideoReceiveStream}: assembled VP8 frames come in through a queue of at most
 * {@value #QUEUED} (buffers from a fixed pool, so the receive thread never waits and nothing is allocated per frame),
 * are decoded with a {@link Vp8Decoder} on this thread and shown to the {@link VideoFrameSink}. When the decoder cannot
 * use a frame (it needs a key frame, or the frame was corrupt) the stream is told to ask for a key frame. The longest
 * time between two pictures shown is measured here: the freeze a person saw.
 *
 * <p>Thread contract: {@link #offer} and {@link #freeBuffer} on the receive thread (one at a time), the decoding on
 * its own thread; {@link #close} and the counters from any thread.
 */
final class VideoDecodeThread implements AutoCloseable {
    /** Frames waiting to be decoded: a few, so a decoder that stalls briefly loses nothing. */
    static final int QUEUED = 8;

    private final BlockingQueue<Vp8FrameBuffer> free = new ArrayBlockingQueue<>(QUEUED);
    private final BlockingQueue<Vp8FrameBuffer> ready = new ArrayBlockingQueue<>(QUEUED);
    private final VideoFrameSink sink;
    private final FrameSize maxSize;
    private final Thread thread;
    private volatile boolean unavailable;
    private volatile boolean wantsKeyFrame;
    private volatile long framesDecoded;
    private volatile long framesUndecodable;
    private volatile long framesShown;
    private volatile long sinkFailures;
    private volatile long longestFreezeNanos;
    private volatile boolean closed;
    private long lastShownNanos;

    /**
     * Decodes pictures up to {@code maxSize} and shows them to {@code sink}; starts its thread, which opens the decoder
     * first: on a cold start loading FFmpeg takes 150-500 ms, which the receive thread must not wait for (the audio
     * it carries would arrive half a second late, and the jitter buffer would keep that delay for many seconds).
     */
    VideoDecodeThread(VideoFrameSink sink, FrameSize maxSize) {
        this.sink = sink;
        this.maxSize = maxSize;
        for (int i = 0; i < QUEUED; i++) {
            free.add(new Vp8FrameBuffer());
        }
        this.thread = Thread.ofPlatform().name("video-decoder").daemon().start(this::run);
    }

    /** Whether the decoder could not be opened (the FFmpeg natives are missing): the thread has ended. */
    boolean unavailable() {
        return unavailable;
    }

    /** A buffer for the next assembled frame, or null when all are queued (the decoder is behind). */
    Vp8FrameBuffer freeBuffer() {
        return free.poll();
    }

    /** Gives back a buffer from {@link #freeBuffer} that was not filled or not queued. */
    void giveBack(Vp8FrameBuffer buffer) {
        free.add(buffer);
    }

    /** Queues a frame from {@link #freeBuffer} for decoding; there is always room for it. */
    void offer(Vp8FrameBuffer frame) {
        ready.add(frame);
    }

    /** Whether the decoder could not use a frame since the last call: ask the sender for a key frame. */
    boolean pollWantsKeyFrame() {
        boolean wants = wantsKeyFrame;
        wantsKeyFrame = false;
        return wants;
    }

    long framesDecoded() {
        return framesDecoded;
    }

    /** Frames the decoder refused: corrupt, too large, or a delta frame while it waited for a key frame. */
    long framesUndecodable() {
        return framesUndecodable;
    }

    long framesShown() {
        return framesShown;
    }

    /** Pictures the sink threw an exception for. */
    long sinkFailures() {
        return sinkFailures;
    }

    /** The longest time between two pictures shown, or 0 before the second. */
    long longestFreezeNanos() {
        return longestFreezeNanos;
    }

    /** Ends the thread (after the frame it is decoding and showing) and frees the decoder. Idempotent. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Vp8Decoder decoder;
        try {
            decoder = Vp8Decoder.open(maxSize);
        } catch (IllegalStateException | LinkageError e) {
            unavailable = true;
            return;
        }
        I420Frame picture = I420Frame.allocate(new FrameSize(16, 16));
        try (decoder) {
            while (!closed) {
                Vp8FrameBuffer frame;
                try {
                    frame = ready.take();
                } catch (InterruptedException e) {
                    return;
                }
                DecodeStatus status = decoder.decode(frame.data(), 0, frame.length(), picture);
                long timestamp = frame.timestamp();
                free.add(frame);
                switch (status) {
                    case DECODED -> show(picture, timestamp);
                    case HIDDEN -> framesDecoded++;
                    case NEEDS_KEYFRAME, CORRUPT, TOO_LARGE -> {
                        framesUndecodable++;
                        wantsKeyFrame = true;
                    }
                }
            }
        }
    }

    private void show(I420Frame picture, long timestamp) {
        framesDecoded++;
        long now = System.nanoTime();
        if (framesShown > 0) {
            longestFreezeNanos = Math.max(longestFreezeNanos, now - lastShownNanos);
        }
        lastShownNanos = now;
        framesShown++;
        try {
            sink.show(picture, timestamp);
        } catch (RuntimeException e) {
            sinkFailures++; // a renderer's bug must not end the stream's decoding
        }
    }
}
