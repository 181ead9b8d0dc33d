package dev.confab.bench.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class IvfWriterTest {
    @Test
    void aFileHasTheIvfHeaderThenEachFrameBehindItsSizeAndTimestamp() {
        byte[] file = IvfWriter.bytes(List.of(new byte[] {1, 2, 3}, new byte[] {4}), new FrameSize(640, 480), 30);
        assertThat(HexFormat.of().formatHex(file)).isEqualTo(""
                + "444b4946" + "0000" + "2000" // "DKIF", version 0, header 32 bytes
                + "56503830" + "8002" + "e001" // "VP80", 640 x 480
                + "1e000000" + "01000000" // time base 1/30
                + "02000000" + "00000000" // 2 frames, unused
                + "03000000" + "0000000000000000" + "010203" // 3 bytes at 0
                + "01000000" + "0100000000000000" + "04"); // 1 byte at 1
        assertThat(IvfWriter.payloadBytes(file.length, 2)).isEqualTo(4);
    }
}
