package dev.confab.media.video.capture;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamException;
import dev.confab.media.video.convert.FrameConverter;
import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Comparator;
import java.util.List;

/**
 * The webcam-capture side of a {@link CameraDevice}: {@code Webcam.open()}, {@code getImage()} and {@code close()}
 * run on a {@link CameraStream} of the device, each image converted from I420 to a {@code TYPE_3BYTE_BGR}
 * {@link BufferedImage} in swscale. Subclasses give the name, the modes and the streams.
 *
 * <p>Thread-safe: the {@code WebcamDevice} methods are serialized on this object; streams opened through
 * {@link #openStream} are independent of them.
 */
abstract class AbstractCameraDevice implements CameraDevice, WebcamDevice.FPSSource {
    private static final FrameSize PREFERRED = new FrameSize(640, 480);
    private static final int PREFERRED_RATE = 30;
    private static final long IMAGE_WAIT_NANOS = 2_000_000_000L;

    private Dimension resolution;
    private CameraStream stream;
    private FrameConverter converter;
    private I420Frame frame;

    @Override
    public Dimension[] getResolutions() {
        List<FrameSize> sizes = sizes();
        return sizes.stream().map(s -> new Dimension(s.width(), s.height())).toArray(Dimension[]::new);
    }

    @Override
    public synchronized Dimension getResolution() {
        if (resolution == null) {
            List<FrameSize> sizes = sizes();
            FrameSize chosen = sizes.contains(PREFERRED) ? PREFERRED : sizes.getLast();
            resolution = new Dimension(chosen.width(), chosen.height());
        }
        return new Dimension(resolution);
    }

    @Override
    public synchronized void setResolution(Dimension size) {
        resolution = new Dimension(size);
    }

    @Override
    public synchronized void open() {
        if (stream != null) {
            return;
        }
        Dimension size = getResolution();
        FrameSize wanted = new FrameSize(size.width, size.height);
        try {
            stream = openStream(ModeChooser.choose(getName(), modes(), new CameraMode(wanted, PREFERRED_RATE)));
        } catch (CameraException e) {
            throw new WebcamException(e.getMessage(), e);
        }
        converter = new FrameConverter();
        frame = I420Frame.allocate(wanted);
    }

    /** The next picture, or null when the device is not open or failed (it is then closed). */
    @Override
    public synchronized BufferedImage getImage() {
        if (stream == null) {
            return null;
        }
        try {
            long deadline = System.nanoTime() + IMAGE_WAIT_NANOS;
            while (!stream.read(frame)) {
                if (System.nanoTime() - deadline > 0) {
                    return null;
                }
            }
        } catch (CameraException e) {
            close();
            return null;
        }
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        converter.i420ToBgr24(frame, bgr, frame.size());
        return image;
    }

    @Override
    public synchronized void close() {
        if (stream != null) {
            stream.close();
            converter.close();
            stream = null;
            converter = null;
            frame = null;
        }
    }

    @Override
    public void dispose() {
        close();
    }

    @Override
    public synchronized boolean isOpen() {
        return stream != null;
    }

    @Override
    public synchronized double getFPS() {
        return stream == null ? 0 : stream.mode().frameRate();
    }

    @Override
    public String toString() {
        return getName();
    }

    /** The distinct sizes of the modes, smallest first; the preferred size when the device does not say. */
    private List<FrameSize> sizes() {
        List<FrameSize> sizes = modes().stream().map(CameraMode::size).distinct()
                .sorted(Comparator.comparingInt(FrameSize::pixels)).toList();
        return sizes.isEmpty() ? List.of(PREFERRED) : sizes;
    }
}
