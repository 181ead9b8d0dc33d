package dev.confab.client.ui.fx;

import dev.confab.media.video.frame.I420Frame;

/**
 * Converts an I420 picture (BT.601 limited range, as VP8 and cameras deliver it) to packed opaque ARGB pixels in
 * fixed point. Stateless; safe from any thread.
 */
public final class I420ToArgb {
    private I420ToArgb() {}

    /** Writes {@code frame}'s pixels into {@code argb} (at least width x height ints), row by row. */
    public static void convert(I420Frame frame, int[] argb) {
        int width = frame.width();
        int height = frame.height();
        byte[] data = frame.data();
        int yStride = frame.yStride();
        int cStride = frame.chromaStride();
        int uBase = frame.uOffset();
        int vBase = frame.vOffset();
        for (int row = 0; row < height; row++) {
            int yRow = row * yStride;
            int cRow = (row >> 1) * cStride;
            int out = row * width;
            for (int col = 0; col < width; col++) {
                int y = ((data[yRow + col] & 0xff) - 16) * 298;
                int u = (data[uBase + cRow + (col >> 1)] & 0xff) - 128;
                int v = (data[vBase + cRow + (col >> 1)] & 0xff) - 128;
                int r = clamp((y + 409 * v + 128) >> 8);
                int g = clamp((y - 100 * u - 208 * v + 128) >> 8);
                int b = clamp((y + 516 * u + 128) >> 8);
                argb[out + col] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}
