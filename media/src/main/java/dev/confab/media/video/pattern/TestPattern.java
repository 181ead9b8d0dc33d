package dev.confab.media.video.pattern;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the moving test pattern: 75% colour bars scrolling right at a quarter of the width a second, a luma ramp along
 * the bottom quarter with a fine grain on it (detail that costs bits, as a camera's picture has) scrolling left at an
 * eighth, and a box of concentric rings bouncing across the picture (periods of 4 s across and 3 s down), all below
 * the {@link StampCode} of the frame's {@link FrameStamp}. Every part moves rigidly, as a camera's picture mostly does,
 * so the motion search of an encoder finds it; where the parts are depends only on the frame number and the frame
 * rate, so frames are reproducible.
 *
 * <p>Immutable and thread-safe; {@link #render} writes only the frame it is given.
 */
public final class TestPattern {
    /** 75% colour bars (BT.601 limited range): white, yellow, cyan, green, magenta, red, blue, black. */
    private static final int[][] BARS_YUV = {
        {180, 128, 128}, {162, 44, 142}, {131, 156, 44}, {112, 72, 58},
        {84, 184, 198}, {65, 100, 212}, {35, 212, 114}, {16, 128, 128},
    };

    private final FrameSize size;
    private final int frameRate;
    /** The box's luma, drawn once: it moves rigidly. */
    private final byte[] rings;
    /** Fine detail on the ramp, as a camera's picture has (0-29, in 2x2 grains), drawn once. */
    private final byte[] texture;

    /**
     * A pattern of {@code size} (at least 128x96, room for the stamp) whose motion is paced for {@code frameRate}
     * frames a second.
     */
    public TestPattern(FrameSize size, int frameRate) {
        if (size.width() < StampCode.MIN_WIDTH || size.height() < StampCode.MIN_HEIGHT) {
            throw new IllegalArgumentException("the test pattern needs at least " + StampCode.MIN_WIDTH + "x"
                    + StampCode.MIN_HEIGHT + " pixels, not " + size);
        }
        if (frameRate < 1 || frameRate > 240) {
            throw new IllegalArgumentException("frame rate out of range 1..240: " + frameRate);
        }
        this.size = size;
        this.frameRate = frameRate;
        this.rings = rings(boxSide());
        this.texture = texture(size.width(), size.height() - size.height() * 3 / 4);
    }

    public FrameSize size() {
        return size;
    }

    public int frameRate() {
        return frameRate;
    }

    /** Draws frame {@code stamp.frameNumber()} with its stamp into {@code out}, resizing it to this pattern's size. */
    public void render(FrameStamp stamp, I420Frame out) {
        out.resize(size);
        long n = stamp.frameNumber();
        drawBars(out, (int) (n * size.width() / (4L * frameRate) % size.width()));
        drawRamp(out, (int) (n * size.width() / (8L * frameRate) % size.width()));
        drawBox(out, n);
        StampCode.write(stamp, out);
    }

    private void drawBars(I420Frame out, int shift) {
        byte[] data = out.data();
        int width = size.width();
        int chromaWidth = out.chromaStride();
        for (int x = 0; x < width; x++) {
            data[x] = (byte) BARS_YUV[bar(x, shift)][0];
        }
        for (int cx = 0; cx < chromaWidth; cx++) {
            int[] yuv = BARS_YUV[bar(2 * cx, shift)];
            data[out.uOffset() + cx] = (byte) yuv[1];
            data[out.vOffset() + cx] = (byte) yuv[2];
        }
        for (int y = 1; y < size.height(); y++) {
            System.arraycopy(data, 0, data, y * width, width);
        }
        for (int cy = 1; cy < size.chromaHeight(); cy++) {
            System.arraycopy(data, out.uOffset(), data, out.uOffset() + cy * chromaWidth, chromaWidth);
            System.arraycopy(data, out.vOffset(), data, out.vOffset() + cy * chromaWidth, chromaWidth);
        }
    }

    private int bar(int x, int shift) {
        int width = size.width();
        return (x - shift + width) % width * BARS_YUV.length / width;
    }

    private void drawRamp(I420Frame out, int shift) {
        byte[] data = out.data();
        int width = size.width();
        int top = size.height() * 3 / 4;
        for (int y = top; y < size.height(); y++) {
            int row = (y - top) * width;
            for (int x = 0; x < width; x++) {
                int at = (x + shift) % width;
                data[y * width + x] = (byte) (16 + at * 190 / width + texture[row + at]);
            }
        }
        for (int cy = (top + 1) / 2; cy < size.chromaHeight(); cy++) {
            Arrays.fill(data, out.uOffset() + cy * out.chromaStride(), out.uOffset() + (cy + 1) * out.chromaStride(),
                    (byte) 128);
            Arrays.fill(data, out.vOffset() + cy * out.chromaStride(), out.vOffset() + (cy + 1) * out.chromaStride(),
                    (byte) 128);
        }
    }

    private void drawBox(I420Frame out, long n) {
        int side = boxSide();
        int top = size.height() / 8;
        int left = triangle(n, 4L * frameRate, size.width() - side);
        int y0 = top + triangle(n, 3L * frameRate, size.height() - top - side);
        byte[] data = out.data();
        for (int y = 0; y < side; y++) {
            System.arraycopy(rings, y * side, data, (y0 + y) * size.width() + left, side);
        }
        for (int cy = (y0 + 1) / 2; cy < (y0 + side) / 2; cy++) {
            int from = cy * out.chromaStride() + (left + 1) / 2;
            int to = cy * out.chromaStride() + (left + side) / 2;
            Arrays.fill(data, out.uOffset() + from, out.uOffset() + to, (byte) 128);
            Arrays.fill(data, out.vOffset() + from, out.vOffset() + to, (byte) 128);
        }
    }

    private static byte[] rings(int side) {
        byte[] rings = new byte[side * side];
        double centre = (side - 1) / 2.0;
        double scale = 40.0 / side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double radius = Math.hypot(x - centre, y - centre);
                rings[y * side + x] = (byte) (126 + 100 * Math.cos(radius * scale));
            }
        }
        return rings;
    }

    private static byte[] texture(int width, int height) {
        SplittableRandom random = new SplittableRandom(6);
        byte[] grains = new byte[((width + 1) / 2) * ((height + 1) / 2)];
        for (int i = 0; i < grains.length; i++) {
            grains[i] = (byte) random.nextInt(30);
        }
        byte[] texture = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                texture[y * width + x] = grains[(y / 2) * ((width + 1) / 2) + x / 2];
            }
        }
        return texture;
    }

    private int boxSide() {
        return size.height() / 4;
    }

    /** 0 up to {@code range} and back down over {@code period} frames: a bounce. */
    private static int triangle(long n, long period, int range) {
        long phase = n % period;
        long twice = 2 * phase <= period ? 2 * phase : 2 * (period - phase);
        return (int) (twice * range / period);
    }
}
