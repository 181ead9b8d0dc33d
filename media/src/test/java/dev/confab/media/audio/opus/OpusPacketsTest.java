package dev.confab.media.audio.opus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TOC read (RFC 6716 section 3.1), by table and against libopus's own reading of every TOC byte. */
class OpusPacketsTest {

    @ParameterizedTest(name = "TOC {0}")
    @CsvSource({
        // toc hex, samples per frame, frames (count byte 0x03 for code 3), total samples
        "0x08, 960, 1, 960",    // config 1: SILK NB 20 ms, code 0
        "0x5b, 2880, 3, -4",    // config 11: SILK WB 60 ms, code 3 x3 = 180 ms: too long
        "0x61, 480, 2, 960",    // config 12: hybrid SWB 10 ms, code 1
        "0x7a, 960, 2, 1920",   // config 15: hybrid FB 20 ms, code 2
        "0xf8, 960, 1, 960",    // config 31: CELT FB 20 ms, code 0 (Chromium's silence)
        "0x83, 120, 3, 360",    // config 16: CELT NB 2.5 ms, code 3 x3
        "0x1b, 2880, 3, -4",    // config 3: SILK NB 60 ms x3
        "0x13, 1920, 3, 5760",  // config 2: SILK NB 40 ms x3 = 120 ms, the longest allowed
    })
    void readsTheTableOfContents(String toc, int perFrame, int frames, int total) {
        byte[] packet = {(byte) Integer.parseInt(toc.substring(2), 16), 0x03, 0, 0, 0};

        assertThat(OpusPackets.samplesPerFrame(packet[0])).isEqualTo(perFrame);
        assertThat(OpusPackets.frameCount(packet, 0, packet.length)).isEqualTo(frames);
        assertThat(OpusPackets.samples(packet, 0, packet.length)).isEqualTo(total);
    }

    @Test
    void refusesEmptyAndCountlessPackets() {
        assertThat(OpusPackets.samples(new byte[0], 0, 0)).isEqualTo(OpusError.BAD_ARG.status());
        assertThat(OpusPackets.samples(new byte[4], 2, 3)).isEqualTo(OpusError.BAD_ARG.status());
        assertThat(OpusPackets.samples(null, 0, 1)).isEqualTo(OpusError.BAD_ARG.status());
        assertThat(OpusPackets.samples(new byte[] {0x03}, 0, 1)).isEqualTo(OpusError.INVALID_PACKET.status());
        assertThat(OpusPackets.samples(new byte[] {0x03, 0x40}, 0, 2)).as("count 0")
                .isEqualTo(OpusError.INVALID_PACKET.status());
    }

    @Test
    void agreesWithLibopusOnEveryTocAndCountByte() {
        for (int toc = 0; toc < 256; toc++) {
            for (int count = 0; count < 256; count += 7) {
                byte[] packet = {(byte) toc, (byte) count};
                for (int len = 1; len <= 2; len++) {
                    assertAgrees(packet, len);
                }
            }
        }
    }

    @Test
    void agreesWithLibopusOnSeededRandomPackets() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            byte[] packet = new byte[random.nextInt(1, 40)];
            random.nextBytes(packet);
            assertAgrees(packet, packet.length);
        }
    }

    /** Same count, or both refuse; libopus counts a code 3 packet with count 0 as 0 samples, which Java refuses. */
    static void assertAgrees(byte[] packet, int len) {
        int java = OpusPackets.samples(packet, 0, len);
        int libopus = LibopusPacketInfo.samples(packet, len);
        if (libopus == 0) {
            assertThat(java).isEqualTo(OpusError.INVALID_PACKET.status());
        } else {
            assertThat(java).as("TOC %02x len %d", packet[0], len).isEqualTo(libopus);
        }
    }
}
