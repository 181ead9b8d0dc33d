package dev.confab.media.video.pattern;

import dev.confab.media.video.frame.I420Frame;
import java.util.Arrays;
import java.util.Optional;

/**
 * The visible code of a {@link FrameStamp}: 96 bits (frame number 32, capture time 48, CRC-16/CCITT of both 16) drawn
 * as black and white blocks in {@value #COLUMNS} columns by {@value #ROWS} rows across the top eighth of the picture,
 * most significant bit first. Block edges are fractions of the width and height, so the code reads back from a
 * picture scaled to any size, and a block is read by averaging the luma of its central half, so the blur and ringing
 * of lossy coding at its edges do not matter. The CRC tells a misread (or a picture without a code) from a stamp.
 *
 * <p>Stateless and thread-safe.
 */
public final class StampCode {
    public static final int COLUMNS = 32;
    public static final int ROWS = 3;
    /** The code's rows take this fraction of the picture height: 1/8. */
    static final int ROWS_PER_HEIGHT = 24;
    private static final int BITS = COLUMNS * ROWS;
    private static final int BLACK = 16;
    private static final int WHITE = 235;
    private static final int THRESHOLD = (BLACK + WHITE) / 2;
    /** Below this the central half of a block is under 2 pixels and lossy coding can wipe it out. */
    static final int MIN_WIDTH = 4 * COLUMNS;
    static final int MIN_HEIGHT = 4 * ROWS_PER_HEIGHT;

    private StampCode() {}

    /** Draws {@code stamp} into the top eighth of {@code frame} (luma and neutral chroma). */
    public static void write(FrameStamp stamp, I420Frame frame) {
        checkSize(frame);
        byte[] bits = bits(stamp);
        byte[] data = frame.data();
        int width = frame.width();
        int height = frame.height();
        for (int bit = 0; bit < BITS; bit++) {
            int column = bit % COLUMNS;
            int row = bit / COLUMNS;
            byte luma = (byte) (bits[bit] != 0 ? WHITE : BLACK);
            int x0 = column * width / COLUMNS;
            int x1 = (column + 1) * width / COLUMNS;
            for (int y = row * height / ROWS_PER_HEIGHT; y < (row + 1) * height / ROWS_PER_HEIGHT; y++) {
                Arrays.fill(data, y * width + x0, y * width + x1, luma);
            }
        }
        int chromaRows = (ROWS * frame.height() / ROWS_PER_HEIGHT + 1) / 2;
        Arrays.fill(data, frame.uOffset(), frame.uOffset() + chromaRows * frame.chromaStride(), (byte) 128);
        Arrays.fill(data, frame.vOffset(), frame.vOffset() + chromaRows * frame.chromaStride(), (byte) 128);
    }

    /** The stamp coded in {@code frame}, or empty when there is none or it does not read back intact (CRC). */
    public static Optional<FrameStamp> read(I420Frame frame) {
        if (frame.width() < MIN_WIDTH || frame.height() < MIN_HEIGHT) {
            return Optional.empty();
        }
        long frameNumber = 0;
        long captureMillis = 0;
        int crc = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int value = meanLuma(frame, bit % COLUMNS, bit / COLUMNS) > THRESHOLD ? 1 : 0;
            if (bit < 32) {
                frameNumber = frameNumber << 1 | value;
            } else if (bit < 80) {
                captureMillis = captureMillis << 1 | value;
            } else {
                crc = crc << 1 | value;
            }
        }
        if (crc != crc16(frameNumber, captureMillis)) {
            return Optional.empty();
        }
        return Optional.of(new FrameStamp(frameNumber, captureMillis));
    }

    private static int meanLuma(I420Frame frame, int column, int row) {
        int x0 = column * frame.width() / COLUMNS;
        int x1 = (column + 1) * frame.width() / COLUMNS;
        int y0 = row * frame.height() / ROWS_PER_HEIGHT;
        int y1 = (row + 1) * frame.height() / ROWS_PER_HEIGHT;
        int insetX = (x1 - x0) / 4;
        int insetY = (y1 - y0) / 4;
        long sum = 0;
        int count = 0;
        for (int y = y0 + insetY; y < y1 - insetY; y++) {
            for (int x = x0 + insetX; x < x1 - insetX; x++) {
                sum += frame.luma(x, y);
                count++;
            }
        }
        return (int) (sum / count);
    }

    private static byte[] bits(FrameStamp stamp) {
        byte[] bits = new byte[BITS];
        int crc = crc16(stamp.frameNumber(), stamp.captureMillis());
        for (int i = 0; i < 32; i++) {
            bits[i] = (byte) (stamp.frameNumber() >>> (31 - i) & 1);
        }
        for (int i = 0; i < 48; i++) {
            bits[32 + i] = (byte) (stamp.captureMillis() >>> (47 - i) & 1);
        }
        for (int i = 0; i < 16; i++) {
            bits[80 + i] = (byte) (crc >>> (15 - i) & 1);
        }
        return bits;
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xffff) over the 4 frame-number and 6 time bytes. */
    static int crc16(long frameNumber, long captureMillis) {
        int crc = 0xffff;
        for (int i = 9; i >= 0; i--) {
            int octet = (int) (i >= 6 ? frameNumber >>> 8 * (i - 6) : captureMillis >>> 8 * i) & 0xff;
            crc ^= octet << 8;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1 ^ 0x1021) & 0xffff : crc << 1 & 0xffff;
            }
        }
        return crc;
    }

    static void checkSize(I420Frame frame) {
        if (frame.width() < MIN_WIDTH || frame.height() < MIN_HEIGHT) {
            throw new IllegalArgumentException("a stamp needs at least " + MIN_WIDTH + "x" + MIN_HEIGHT
                    + " pixels, not " + frame.size());
        }
    }
}
