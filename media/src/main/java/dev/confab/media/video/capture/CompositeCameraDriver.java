package dev.confab.media.video.capture;

import com.github.sarxos.webcam.WebcamCompositeDriver;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * All the cameras of several drivers as one webcam-capture driver: set it with {@code Webcam.setDriver(...)} for the
 * {@code Webcam} API, or give it to {@link Cameras}. A driver that fails to list is passed over, so it cannot hide the
 * others' cameras; where names repeat, the earlier driver's camera is listed. Thread-safe.
 */
public final class CompositeCameraDriver extends WebcamCompositeDriver implements CameraDriver {
    private final List<CameraDriver> drivers = new CopyOnWriteArrayList<>();

    public CompositeCameraDriver(CameraDriver... drivers) {
        for (CameraDriver driver : drivers) {
            add(driver);
        }
    }

    /** This machine's cameras through avdevice, then the test pattern ({@value TestPatternDriver#DEFAULT_NAME}). */
    public static CompositeCameraDriver standard() {
        return new CompositeCameraDriver(AvDeviceDriver.system(), TestPatternDriver.standard());
    }

    /** Adds a driver; it must be a {@link CameraDriver}. */
    @Override
    public void add(WebcamDriver driver) {
        if (!(driver instanceof CameraDriver cameraDriver)) {
            throw new IllegalArgumentException("not one of Confab's camera drivers: " + driver);
        }
        drivers.add(cameraDriver);
        super.add(driver);
    }

    @Override
    public List<CameraDevice> cameras() {
        List<CameraDevice> cameras = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CameraDriver driver : drivers) {
            List<CameraDevice> listed;
            try {
                listed = driver.cameras();
            } catch (RuntimeException e) {
                continue;
            }
            listed.stream().filter(camera -> names.add(camera.getName())).forEach(cameras::add);
        }
        return cameras;
    }

    /** The cameras, as {@link CameraDriver} lists them (the superclass would list each driver's without checks). */
    @Override
    public List<WebcamDevice> getDevices() {
        return CameraDriver.super.getDevices();
    }

    @Override
    public boolean isThreadSafe() {
        return CameraDriver.super.isThreadSafe();
    }
}
