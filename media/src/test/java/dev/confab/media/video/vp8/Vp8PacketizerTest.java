package dev.confab.media.video.vp8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.media.rtp.HeaderExtensionIds;
import dev.confab.media.rtp.MidElement;
import dev.confab.media.rtp.RtpPacketWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Frames cut into RFC 7741 payloads as Chromium cuts a frame it does not partition. */
class Vp8PacketizerTest {
    private final Random random = new Random(7741);

    @Test
    void aSmallFrameTakesOnePayloadWithTheStartBitAndA15BitPictureId() {
        Vp8Packetizer packetizer = new Vp8Packetizer(Vp8Packetizer.DEFAULT_MAX_PAYLOAD, 4711);
        byte[] frame = Hex.bytes("10 02 00 9d 01 2a 80 02 e0 01 aa bb");

        assertThat(packetizer.frame(frame, 0, frame.length)).isEqualTo(1);
        assertThat(packetizer.nextIsLast()).isTrue();
        byte[] payload = new byte[100];
        int length = packetizer.next(payload, 0, payload.length);

        assertThat(Arrays.copyOf(payload, length)).isEqualTo(Hex.bytes("""
                90        # X=1 S=1 PID=0
                80        # I
                92 67     # M=1 PictureID 4711
                10 02 00 9d 01 2a 80 02 e0 01 aa bb
                """));
        assertThat(packetizer.pictureId()).isEqualTo(4711);
        assertThat(packetizer.hasNext()).isFalse();
    }

    @Test
    void aLargeFrameIsSpreadEvenlyAndOnlyTheFirstPayloadStartsIt() {
        Vp8Packetizer packetizer = new Vp8Packetizer(104, 0); // 100 bytes of frame per payload
        byte[] frame = TestFrames.interFrame(301, random);

        assertThat(packetizer.frame(frame, 0, frame.length)).isEqualTo(4);
        List<byte[]> payloads = drain(packetizer);

        assertThat(payloads).extracting(p -> p.length).containsExactly(79, 79, 79, 80);
        assertThat(payloads).extracting(p -> p[0]).containsExactly((byte) 0x90, (byte) 0x80, (byte) 0x80, (byte) 0x80);
        assertThat(payloads).allSatisfy(p -> assertThat(Arrays.copyOfRange(p, 1, 4)).isEqualTo(Hex.bytes("80 80 00")));
        assertThat(concatenatedFrames(payloads)).isEqualTo(frame);
    }

    @Test
    void aFrameThatFillsPayloadsExactlyTakesNoMore() {
        Vp8Packetizer packetizer = new Vp8Packetizer(104, 0);

        assertThat(packetizer.frame(new byte[200], 0, 200)).isEqualTo(2);
        assertThat(drain(packetizer)).extracting(p -> p.length).containsExactly(104, 104);
        assertThat(packetizer.frame(new byte[201], 0, 201)).isEqualTo(3);
    }

    @Test
    void pictureIdCountsFramesAndWrapsAfter32767() {
        Vp8Packetizer packetizer = new Vp8Packetizer(Vp8Packetizer.DEFAULT_MAX_PAYLOAD, 32766);
        byte[] frame = TestFrames.interFrame(10, random);
        byte[] payload = new byte[Vp8Packetizer.DEFAULT_MAX_PAYLOAD];
        Vp8DescriptorReader reader = new Vp8DescriptorReader();
        List<Integer> ids = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            packetizer.frame(frame, 0, frame.length);
            reader.wrap(payload, 0, packetizer.next(payload, 0, payload.length));
            ids.add(reader.pictureId());
            assertThat(reader.longPictureId()).isTrue();
        }

        assertThat(ids).containsExactly(32766, 32767, 0);
    }

    @Test
    void theDefaultPayloadFitsA1200BytePacketWithChromiumsExtensionsAndAnSrtpTag() {
        Vp8Packetizer packetizer = new Vp8Packetizer(Vp8Packetizer.DEFAULT_MAX_PAYLOAD, 1);
        byte[] frame = TestFrames.keyFrame(50_000, 640, 480, random);
        RtpPacketWriter writer = new RtpPacketWriter(new HeaderExtensionIds(4, 0, 2, 3));
        byte[] packet = new byte[1500];
        int longest = 0;

        packetizer.frame(frame, 0, frame.length);
        while (packetizer.hasNext()) {
            writer.begin(packet, 0, packet.length, 96, packetizer.nextIsLast(), 1, 2, 3)
                    .mid(MidElement.bytesOf("video1")).absSendTime(1).transportSequence(2);
            int at = writer.payloadOffset();
            longest = Math.max(longest, writer.finish(packetizer.next(packet, at, packet.length - at)));
        }

        assertThat(longest + 16).isLessThanOrEqualTo(1200);
        assertThat(longest).isGreaterThan(1100);
    }

    @Test
    void noRoomLeavesThePayloadForTheNextCall() {
        Vp8Packetizer packetizer = new Vp8Packetizer(104, 0);
        byte[] frame = TestFrames.interFrame(150, random);
        packetizer.frame(frame, 0, frame.length);

        assertThat(Vp8Failure.of(packetizer.next(new byte[78], 0, 78))).isEqualTo(Vp8Failure.BUFFER_TOO_SMALL);
        assertThat(drain(packetizer)).extracting(p -> p.length).containsExactly(79, 79);
        assertThat(Vp8Failure.of(packetizer.next(new byte[200], 0, 200))).isEqualTo(Vp8Failure.INVALID_ARGUMENT);
    }

    @Test
    void badArgumentsAreRefused() {
        Vp8Packetizer packetizer = new Vp8Packetizer(104, 0);

        assertThat(Vp8Failure.of(packetizer.frame(new byte[10], 0, 0))).isEqualTo(Vp8Failure.INVALID_ARGUMENT);
        assertThat(Vp8Failure.of(packetizer.frame(new byte[10], 5, 6))).isEqualTo(Vp8Failure.INVALID_ARGUMENT);
        assertThat(packetizer.pictureId()).isEqualTo(Vp8DescriptorReader.ABSENT);
        assertThatThrownBy(() -> new Vp8Packetizer(4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vp8Packetizer(5, 0x8000)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The payloads of the packetizer's current frame. */
    static List<byte[]> drain(Vp8Packetizer packetizer) {
        List<byte[]> payloads = new ArrayList<>();
        byte[] buf = new byte[packetizer.maxPayload()];
        while (packetizer.hasNext()) {
            payloads.add(Arrays.copyOf(buf, packetizer.next(buf, 0, buf.length)));
        }
        return payloads;
    }

    private static byte[] concatenatedFrames(List<byte[]> payloads) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int descriptor = Vp8Packetizer.DESCRIPTOR_LENGTH;
        payloads.forEach(p -> frame.write(p, descriptor, p.length - descriptor));
        return frame.toByteArray();
    }
}
