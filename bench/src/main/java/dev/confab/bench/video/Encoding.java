package dev.confab.bench.video;

import java.util.Arrays;
import java.util.List;

/**
 * What one encoding of a clip took and made. Immutable; the frames' arrays must not be changed.
 *
 * @param speed  how fast it went
 * @param stream the compressed frames, in order
 */
record Encoding(CodecSpeed speed, List<byte[]> stream) {

    Encoding {
        stream = List.copyOf(stream);
    }

    /** Whether {@code other} made the same bytes, frame by frame. */
    boolean sameStreamAs(Encoding other) {
        if (stream.size() != other.stream.size()) {
            return false;
        }
        for (int i = 0; i < stream.size(); i++) {
            if (!Arrays.equals(stream.get(i), other.stream.get(i))) {
                return false;
            }
        }
        return true;
    }
}
