package dev.confab.testkit;

import java.util.Arrays;

/**
 * Splits a fuzzer's input into datagrams, for fuzz targets that feed a receiver several: each frame is a big-endian
 * length of at most 2047 (11 bits of two bytes), then as many bytes as there are. Stateless.
 */
public final class FuzzFrames {

    private FuzzFrames() {
    }

    /** The frame starting at {@code at}. */
    public static byte[] frame(byte[] input, int at) {
        int length = at + 1 < input.length ? ((input[at] & 0x07) << 8 | input[at + 1] & 0xff) : 0;
        int from = Math.min(at + 2, input.length);
        return Arrays.copyOfRange(input, from, Math.min(from + length, input.length));
    }

    /** Where the frame after the one starting at {@code at} starts. */
    public static int next(byte[] input, int at) {
        return Math.min(at + 2, input.length) + frame(input, at).length;
    }
}
