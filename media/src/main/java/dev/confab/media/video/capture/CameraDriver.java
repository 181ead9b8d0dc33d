package dev.confab.media.video.capture;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.util.List;

/**
 * A webcam-capture {@link WebcamDriver} of Confab's: its devices are {@link CameraDevice}s. Each call of
 * {@link #cameras()} lists afresh (what is plugged in or present now), returning the same device object for the same
 * camera while it stays, so an open stream and a later listing agree. Thread-safe.
 */
public interface CameraDriver extends WebcamDriver {
    /** The cameras present now. */
    List<CameraDevice> cameras();

    @Override
    default List<WebcamDevice> getDevices() {
        return List.copyOf(cameras());
    }

    /** Confab's drivers may be called from any thread; webcam-capture then needs no thread of its own for them. */
    @Override
    default boolean isThreadSafe() {
        return true;
    }
}
