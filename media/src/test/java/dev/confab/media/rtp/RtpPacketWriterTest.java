package dev.confab.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.sdp.Extmap;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packets the writer builds, read back by the reader and compared with bytes laid out by hand. */
class RtpPacketWriterTest {
    /** The ids Chromium 156 offers for audio (LAB.md): audio level 1, abs-send-time 2, transport-cc 3, mid 4. */
    static final HeaderExtensionIds CHROMIUM_AUDIO = HeaderExtensionIds.fromExtmaps(List.of(
            Extmap.of(1, HeaderExtensionIds.AUDIO_LEVEL_URI), Extmap.of(2, HeaderExtensionIds.ABS_SEND_TIME_URI),
            Extmap.of(3, HeaderExtensionIds.TRANSPORT_SEQUENCE_URI), Extmap.of(4, Extmap.MID_URI),
            Extmap.of(5, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id")));

    private final RtpPacketReader reader = new RtpPacketReader();

    @Test
    void idsComeFromTheExtmapsAndUnknownUrisAreIgnored() {
        assertThat(CHROMIUM_AUDIO).isEqualTo(new HeaderExtensionIds(4, 1, 2, 3));
        assertThat(CHROMIUM_AUDIO.needsTwoByteForm()).isFalse();
        assertThat(new HeaderExtensionIds(15, 0, 0, 0).needsTwoByteForm()).isTrue();
    }

    @Test
    void writesTheOneByteFormByteForByte() {
        byte[] buf = new byte[64];
        int len = new RtpPacketWriter(CHROMIUM_AUDIO).begin(buf, 0, buf.length, 111, true, 65535, 0xffff_fff0L, 7)
                .audioLevel(true, 30).absSendTime(0x123456).transportSequence(513).mid(MidElement.bytesOf("0"))
                .finish(new byte[] {1, 2, 3}, 0, 3);

        assertThat(Arrays.copyOf(buf, len)).isEqualTo(Hex.bytes("""
                90 ef ff ff ff ff ff f0 00 00 00 07
                be de 00 03
                10 9e           # audio level, voice, 30
                22 12 34 56     # abs-send-time
                31 02 01        # transport-wide sequence 513
                40 30           # mid "0"
                00              # padding to a word
                01 02 03
                """));
    }

    @Test
    void writesTheTwoByteFormWhenAnIdNeedsIt() {
        byte[] buf = new byte[64];
        RtpPacketWriter writer = new RtpPacketWriter(new HeaderExtensionIds(0, 0, 0, 300 - 255 + 200));
        int len = writer.begin(buf, 0, buf.length, 96, false, 1, 2, 3).transportSequence(9)
                .extension(16, new byte[0], 0, 0).finish(0);

        assertThat(Arrays.copyOf(buf, len)).isEqualTo(Hex.bytes("""
                90 60 00 01 00 00 00 02 00 00 00 03
                10 00 00 02
                f5 02 00 09     # id 245, transport-wide sequence 9
                10 00           # id 16, empty
                00 00
                """));
    }

    @Test
    void roundTripsCsrcsExtensionsAndPayloadAtAnOffset() {
        byte[] buf = new byte[200];
        RtpPacketWriter writer = new RtpPacketWriter(CHROMIUM_AUDIO);
        writer.begin(buf, 10, 150, 0, false, 4242, 123_456_789L, -5).csrc(1).csrc(-2).audioLevel(false, 200);
        int payloadAt = writer.payloadOffset();
        Arrays.fill(buf, payloadAt, payloadAt + 100, (byte) 0x5a);
        int len = writer.finish(100);

        assertThat(reader.wrap(buf, 10, len)).isEqualTo(100);
        assertThat(reader.payloadOffset()).isEqualTo(payloadAt);
        assertThat(reader.sequenceNumber()).isEqualTo(4242);
        assertThat(reader.timestamp()).isEqualTo(123_456_789L);
        assertThat(reader.ssrc()).isEqualTo(-5);
        assertThat(reader.csrcCount()).isEqualTo(2);
        assertThat(reader.csrc(1)).isEqualTo(-2);
        ExtensionElements elements = reader.extensions();
        assertThat(elements.find(CHROMIUM_AUDIO.audioLevel())).isTrue();
        assertThat(AudioLevel.level(buf, elements.offset())).isEqualTo(AudioLevel.SILENCE);
        assertThat(AudioLevel.voice(buf, elements.offset())).isFalse();
        assertThat(elements.next()).isFalse();
    }

    @Test
    void leavesOutExtensionsThatWereNotNegotiated() {
        byte[] buf = new byte[64];
        int len = new RtpPacketWriter(HeaderExtensionIds.NONE).begin(buf, 0, buf.length, 111, false, 1, 2, 3)
                .audioLevel(true, 1).transportSequence(5).finish(0);

        assertThat(len).isEqualTo(12);
        assertThat(buf[0]).isEqualTo((byte) 0x80);
    }

    @Test
    void reportsNoRoomAndMisuseAsStatus() {
        RtpPacketWriter writer = new RtpPacketWriter(CHROMIUM_AUDIO);
        byte[] buf = new byte[20];

        assertThat(RtpFailure.of(writer.begin(buf, 0, 11, 0, false, 0, 0, 0).finish(0)))
                .isEqualTo(RtpFailure.BUFFER_TOO_SMALL);
        assertThat(RtpFailure.of(writer.begin(buf, 0, 20, 0, false, 0, 0, 0).finish(9)))
                .isEqualTo(RtpFailure.BUFFER_TOO_SMALL);
        assertThat(RtpFailure.of(writer.begin(buf, 0, 20, 0, false, 0, 0, 0).absSendTime(1).mid(new byte[4]).finish(0)))
                .isEqualTo(RtpFailure.BUFFER_TOO_SMALL);
        assertThat(RtpFailure.of(writer.begin(buf, 0, 20, 128, false, 0, 0, 0).finish(0)))
                .isEqualTo(RtpFailure.INVALID_ARGUMENT);
        assertThat(RtpFailure.of(writer.begin(buf, 0, 20, 0, false, 0, 0, 0).audioLevel(true, 1).csrc(1).finish(0)))
                .as("a CSRC after an element").isEqualTo(RtpFailure.INVALID_ARGUMENT);
        assertThat(RtpFailure.of(writer.begin(buf, 0, 20, 0, false, 0, 0, 0).extension(15, buf, 0, 1).finish(0)))
                .as("id 15 in the one-byte form").isEqualTo(RtpFailure.INVALID_ARGUMENT);
        assertThat(RtpFailure.of(writer.begin(buf, 0, 20, 0, false, 0, 0, 0).extension(1, buf, 0, 17).finish(0)))
                .as("17 bytes in the one-byte form").isEqualTo(RtpFailure.INVALID_ARGUMENT);
        assertThat(writer.begin(buf, 0, 20, 0, false, 0, 0, 0).finish(8)).as("the writer recovers").isEqualTo(20);
    }
}
