package dev.confab.client.ui.fx;

import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.VideoFrameConsumer;
import dev.confab.media.video.frame.I420Frame;
import java.nio.IntBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Pictures for the screen: takes I420 frames from a decoder ({@link VideoFrameSink}) or a camera
 * ({@link VideoFrameConsumer}) on their own thread, converts them there, and shows the newest on the UI thread as an
 * {@link #imageProperty() image} an ImageView binds to. Frames that arrive while the UI has not drawn the last one
 * replace it (the screen never falls behind the call). A new picture size makes a new image.
 *
 * <p>Thread contract: {@link #show} and {@link #accept} from one producer thread at a time; the properties change
 * on the {@code ui} executor only.
 */
public final class VideoSurface implements VideoFrameSink, VideoFrameConsumer {
    private final Executor ui;
    private final ReadOnlyObjectWrapper<WritableImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyLongWrapper framesShown = new ReadOnlyLongWrapper(this, "framesShown");
    private final AtomicBoolean drawPending = new AtomicBoolean();
    private final Object lock = new Object();
    private int[] ready = new int[0];
    private int[] drawing = new int[0];
    private int readyWidth;
    private int readyHeight;

    public VideoSurface(Executor ui) {
        this.ui = ui;
    }

    /** The newest picture; null until the first frame. */
    public ReadOnlyObjectProperty<WritableImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** How many pictures reached the screen (skipped ones not counted). */
    public ReadOnlyLongProperty framesShownProperty() {
        return framesShown.getReadOnlyProperty();
    }

    @Override
    public void show(I420Frame frame, long rtpTimestamp) {
        accept(frame);
    }

    @Override
    public void accept(I420Frame frame) {
        int pixels = frame.width() * frame.height();
        synchronized (lock) {
            if (ready.length < pixels) {
                ready = new int[pixels];
            }
            I420ToArgb.convert(frame, ready);
            readyWidth = frame.width();
            readyHeight = frame.height();
        }
        if (drawPending.compareAndSet(false, true)) {
            ui.execute(this::draw);
        }
    }

    /** Forgets the picture (the call or preview stopped). UI thread. */
    public void clear() {
        image.set(null);
    }

    private void draw() {
        int width;
        int height;
        synchronized (lock) {
            drawPending.set(false);
            int[] swap = drawing;
            drawing = ready;
            ready = swap;
            width = readyWidth;
            height = readyHeight;
        }
        WritableImage current = image.get();
        boolean resized = current == null || (int) current.getWidth() != width || (int) current.getHeight() != height;
        if (resized) {
            current = new WritableImage(width, height);
        }
        // An ImageView redraws by itself when the pixels of its image change; only a new image is set again.
        current.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(),
                IntBuffer.wrap(drawing), width);
        if (resized) {
            image.set(current);
        }
        framesShown.set(framesShown.get() + 1);
    }
}
