package dev.confab.media.video.vp8;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frames put back together from hand-built and packetized RTP packets: order, loss, waits, wraps and bad input. */
class Vp8FrameAssemblerTest {
    /** Small enough that the tests reach every bound; a 9000-tick (100 ms, 3 frames) wait. */
    private static final Vp8AssemblerConfig SMALL = new Vp8AssemblerConfig(64, 1200, 64 * 1024, 9000);

    private final Random random = new Random(6386);
    private final Vp8FrameBuffer frame = new Vp8FrameBuffer();

    @Test
    void aKeyFrameInOnePacketIsHandedOut() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(Vp8AssemblerConfig.defaults());
        byte[] payload = Hex.bytes("""
                90 80 11                          # X=1 S=1 PID=0, I, PictureID 17
                50 00 00 9d 01 2a 40 01 f0 00     # key frame tag (first partition 2 bytes), 320x240
                aa bb                             # the rest of the frame
                """);

        assertThat(assembler.waitingForKeyFrame()).isTrue();
        assertThat(assembler.insert(1000, 90_000, true, payload, 0, payload.length)).isZero();
        assertThat(assembler.pollFrame(frame)).isTrue();

        assertThat(bytes(frame)).isEqualTo(Arrays.copyOfRange(payload, 3, payload.length));
        assertThat(frame.keyFrame()).isTrue();
        assertThat(frame.pictureId()).isEqualTo(17);
        assertThat(frame.timestamp()).isEqualTo(90_000);
        assertThat(frame.firstSequence()).isEqualTo(1000);
        assertThat(frame.lastSequence()).isEqualTo(1000);
        assertThat(Vp8PayloadHeader.width(frame.data(), 0)).isEqualTo(320);
        assertThat(assembler.waitingForKeyFrame()).isFalse();
        assertThat(assembler.pollFrame(frame)).isFalse();
        assertThat(assembler.stats()).isEqualTo(new Vp8AssemblerStats(1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0));
    }

    @Test
    void interframesBeforeTheFirstKeyFrameAreNotHandedOut() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        TestSender sender = new TestSender(1000, 5, 0, 0);
        List<byte[]> frames = List.of(TestFrames.interFrame(1500, random), TestFrames.interFrame(50, random),
                TestFrames.keyFrame(2500, 64, 48, random), TestFrames.interFrame(700, random));

        List<byte[]> out = new ArrayList<>();
        for (byte[] f : frames) {
            sender.send(f).forEach(p -> assertThat(p.insertInto(assembler)).isZero());
            out.addAll(poll(assembler));
        }

        assertThat(out).containsExactly(frames.get(2), frames.get(3));
        assertThat(assembler.stats().framesDiscarded()).isEqualTo(2);
        assertThat(assembler.stats().unrecoverableLosses()).isZero();
    }

    @Test
    void aFrameArrivingBackwardsIsHandedOutWhenItsLastPacketComes() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        TestSender sender = new TestSender(Vp8Packetizer.DEFAULT_MAX_PAYLOAD, 100, 0, 9);
        byte[] key = TestFrames.keyFrame(5000, 640, 480, random);
        List<TestPacket> packets = new ArrayList<>(sender.send(key));
        assertThat(packets).hasSize(5);

        for (int i = packets.size() - 1; i > 0; i--) {
            packets.get(i).insertInto(assembler);
            assertThat(assembler.pollFrame(frame)).isFalse();
        }
        packets.get(0).insertInto(assembler);

        assertThat(assembler.pollFrame(frame)).isTrue();
        assertThat(bytes(frame)).isEqualTo(key);
        assertThat(frame.firstSequence()).isEqualTo(100);
        assertThat(frame.lastSequence()).isEqualTo(104);
        assertThat(frame.pictureId()).isEqualTo(9);
    }

    @Test
    void duplicatesAndPacketsAlreadyHandedOutAreDropped() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        TestSender sender = new TestSender(1000, 0, 0, 0);
        List<TestPacket> key = sender.send(TestFrames.keyFrame(1500, 64, 48, random));

        key.get(0).insertInto(assembler);
        assertThat(Vp8Failure.of(key.get(0).insertInto(assembler))).isEqualTo(Vp8Failure.DUPLICATE);
        key.get(1).insertInto(assembler);
        assertThat(poll(assembler)).hasSize(1);
        assertThat(Vp8Failure.of(key.get(1).insertInto(assembler))).isEqualTo(Vp8Failure.LATE);

        assertThat(assembler.stats().duplicates()).isEqualTo(1);
        assertThat(assembler.stats().late()).isEqualTo(1);
    }

    @Test
    void sequenceNumbersAndTimestampsWrap() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        TestSender sender = new TestSender(500, 65533, 0xffff_ffffL - 1000, 32767);
        byte[] key = TestFrames.keyFrame(1900, 64, 48, random);
        byte[] next = TestFrames.interFrame(900, random);

        sender.send(key).forEach(p -> p.insertInto(assembler));
        assertThat(assembler.pollFrame(frame)).isTrue();
        assertThat(bytes(frame)).isEqualTo(key);
        assertThat(frame.firstSequence()).isEqualTo(65533);
        assertThat(frame.lastSequence()).isEqualTo(0);
        assertThat(frame.pictureId()).isEqualTo(32767);

        sender.send(next).forEach(p -> p.insertInto(assembler));
        assertThat(assembler.pollFrame(frame)).isTrue();
        assertThat(bytes(frame)).isEqualTo(next);
        assertThat(frame.firstSequence()).isEqualTo(1);
        assertThat(frame.timestamp()).isEqualTo(1999);
        assertThat(frame.pictureId()).isZero();
    }

    @Test
    void sevenBitPictureIdsAreHandedOutAsTheyCome() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        byte[] key = Hex.bytes("90 80 7f   10 00 00 9d 01 2a 10 00 10 00"); // PictureID 127
        byte[] next = Hex.bytes("90 80 00   11 00 00"); // PictureID 0: wrapped

        assembler.insert(7, 0, true, key, 0, key.length);
        assembler.insert(8, 3000, true, next, 0, next.length);

        assertThat(assembler.pollFrame(frame)).isTrue();
        assertThat(frame.pictureId()).isEqualTo(127);
        assertThat(assembler.pollFrame(frame)).isTrue();
        assertThat(frame.pictureId()).isZero();
        assertThat(frame.keyFrame()).isFalse();
    }

    @Test
    void paddingBetweenFramesIsPassedOver() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        byte[] key = Hex.bytes("90 80 05   10 00 00 9d 01 2a 10 00 10 00");
        byte[] next = Hex.bytes("10   11 00 00"); // no PictureID: sequence numbers alone must connect it

        assembler.insert(1, 0, true, key, 0, key.length);
        assembler.insert(2, 0, false, key, 0, 0);
        assembler.insert(3, 0, false, key, 0, 0);
        assembler.insert(4, 3000, true, next, 0, next.length);

        assertThat(poll(assembler)).hasSize(2);
        assertThat(assembler.stats().padding()).isEqualTo(2);
        assertThat(assembler.stats().unrecoverableLosses()).isZero();
    }

    @Test
    void aLostPaddingPacketLosesNoFrameWhenThePictureIdFollows() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        byte[] key = Hex.bytes("90 80 7f   10 00 00 9d 01 2a 10 00 10 00"); // 7-bit PictureID 127
        byte[] next = Hex.bytes("90 80 00   11 00 00"); // 0: the next frame, the ID wrapped
        int[] missing = new int[4];

        assembler.insert(1, 0, true, key, 0, key.length);
        assembler.insert(3, 0, false, key, 0, 0); // padding; 2, also padding, was lost
        assembler.insert(5, 3000, true, next, 0, next.length); // and 4

        assertThat(poll(assembler)).hasSize(2);
        assertThat(assembler.missing(missing)).isZero();
        assertThat(assembler.waitingForKeyFrame()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "90 80 92 69   11 00 00", // PictureID 4713: 4712 may be in the gap
        "90 80 68      11 00 00", // 0x68 is 4712 in 7 bits, but a 7-bit ID does not follow a 15-bit one
    })
    void aGapBeforeAFrameWhosePictureIdDoesNotFollowIsWaitedFor(String hex) {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        byte[] key = Hex.bytes("90 80 92 67   10 00 00 9d 01 2a 10 00 10 00"); // 15-bit PictureID 4711
        byte[] after = Hex.bytes(hex);
        int[] missing = new int[4];

        assembler.insert(1, 0, true, key, 0, key.length);
        assembler.insert(3, 6000, true, after, 0, after.length);

        assertThat(poll(assembler)).hasSize(1);
        assertThat(assembler.waitingForKeyFrame()).isFalse();
        assertThat(assembler.missing(missing)).isEqualTo(1);
        assertThat(missing[0]).isEqualTo(2);
    }

    @Test
    void aRetransmissionWithinTheWaitFillsTheGap() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        TestSender sender = new TestSender(500, 200, 0, 0);
        List<byte[]> frames = List.of(TestFrames.interFrame(1400, random), TestFrames.interFrame(100, random),
                TestFrames.interFrame(100, random));
        List<TestPacket> first = afterAKeyFrameAFrameWithoutItsMiddlePacket(assembler, sender, frames.get(0));

        sender.send(frames.get(1)).forEach(p -> p.insertInto(assembler));
        sender.send(frames.get(2)).forEach(p -> p.insertInto(assembler));
        int[] missing = new int[8];

        assertThat(poll(assembler)).isEmpty();
        assertThat(assembler.missing(missing)).isEqualTo(1);
        assertThat(missing[0]).isEqualTo(first.get(1).sequence());
        assertThat(assembler.waitingForKeyFrame()).isFalse();

        first.get(1).insertInto(assembler);
        assertThat(poll(assembler)).containsExactlyElementsOf(frames);
        assertThat(assembler.missing(missing)).isZero();
    }

    @Test
    void aGapOlderThanTheWaitLosesFramesUntilAKeyFrame() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        TestSender sender = new TestSender(500, 60_000, 0, 0);
        List<TestPacket> lost = afterAKeyFrameAFrameWithoutItsMiddlePacket(assembler, sender,
                TestFrames.interFrame(1400, random)); // timestamp 3000

        for (int i = 0; i < 3; i++) { // timestamps 6000 to 12000: the newest is 9000 after the oldest held
            sender.send(TestFrames.interFrame(100, random)).forEach(p -> p.insertInto(assembler));
        }
        assertThat(assembler.waitingForKeyFrame()).isFalse();
        sender.send(TestFrames.interFrame(100, random)).forEach(p -> p.insertInto(assembler)); // 15000: given up
        int[] missing = new int[8];

        assertThat(assembler.waitingForKeyFrame()).isTrue();
        assertThat(assembler.stats().unrecoverableLosses()).isEqualTo(1);
        assertThat(poll(assembler)).isEmpty();
        assertThat(assembler.missing(missing)).isEqualTo(1);
        assertThat(missing[0]).isEqualTo(lost.get(1).sequence());

        byte[] key = TestFrames.keyFrame(900, 64, 48, random);
        byte[] after = TestFrames.interFrame(300, random);
        sender.send(key).forEach(p -> p.insertInto(assembler));
        sender.send(after).forEach(p -> p.insertInto(assembler));

        assertThat(poll(assembler)).containsExactly(key, after);
        assertThat(assembler.waitingForKeyFrame()).isFalse();
        assertThat(Vp8Failure.of(lost.get(1).insertInto(assembler))).isEqualTo(Vp8Failure.LATE);
        assertThat(assembler.stats().framesDiscarded()).isEqualTo(5);
    }

    @Test
    void aLongerWaitSetForASlowPathKeepsTheGapOpen() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        assembler.setMaxWaitTicks(18_000);
        TestSender sender = new TestSender(500, 60_000, 0, 0);
        List<TestPacket> lost = afterAKeyFrameAFrameWithoutItsMiddlePacket(assembler, sender,
                TestFrames.interFrame(1400, random)); // timestamp 3000

        for (int i = 0; i < 6; i++) { // timestamps 6000 to 21000: 18000 after the oldest held, not more
            sender.send(TestFrames.interFrame(100, random)).forEach(p -> p.insertInto(assembler));
        }
        assertThat(assembler.waitingForKeyFrame()).isFalse();
        lost.get(1).insertInto(assembler);
        assertThat(poll(assembler)).hasSize(7);

        assembler.setMaxWaitTicks(0);
        List<TestPacket> next = sender.send(TestFrames.interFrame(1400, random));
        next.get(0).insertInto(assembler);
        next.get(2).insertInto(assembler);
        sender.send(TestFrames.interFrame(100, random)).forEach(p -> p.insertInto(assembler));
        assertThat(assembler.waitingForKeyFrame()).isTrue();
    }

    @Test
    void whileWaitingOnlyTheGapsOfTheHeldKeyFrameAreListed() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        TestSender sender = new TestSender(500, 10, 0, 0);
        List<TestPacket> delta = sender.send(TestFrames.interFrame(1400, random));
        List<TestPacket> key = sender.send(TestFrames.keyFrame(1400, 64, 48, random));
        delta.get(0).insertInto(assembler);
        delta.get(2).insertInto(assembler);
        int[] missing = new int[8];

        assertThat(assembler.missing(missing)).isEqualTo(1);
        assertThat(missing[0]).isEqualTo(11);

        key.get(0).insertInto(assembler);
        key.get(2).insertInto(assembler);

        assertThat(assembler.missing(missing)).isEqualTo(1);
        assertThat(missing[0]).isEqualTo(14);
        assertThat(assembler.missing(new int[0])).isZero();
    }

    @Test
    void aFrameThatCanNeverCompleteIsGivenUpAtOnce() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        sendKeyFrame(assembler, 1, 0);
        byte[] start = Hex.bytes("90 80 01   11 00 00 aa");
        byte[] end = Hex.bytes("80 80 01   bb");

        assembler.insert(2, 3000, false, start, 0, start.length);
        assembler.insert(3, 3001, true, end, 0, end.length); // another timestamp in the same frame

        assertThat(assembler.waitingForKeyFrame()).isTrue();
        assertThat(assembler.pollFrame(frame)).isFalse();
        assertThat(assembler.stats().unrecoverableLosses()).isEqualTo(1);
    }

    @Test
    void aFrameStartInsideAFrameBreaksIt() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        sendKeyFrame(assembler, 1, 0);
        byte[] start = Hex.bytes("90 80 01   11 00 00 aa");

        assembler.insert(2, 3000, false, start, 0, start.length);
        assembler.insert(3, 3000, true, start, 0, start.length);

        assertThat(assembler.waitingForKeyFrame()).isTrue();
    }

    @Test
    void aFrameOverTheSizeLimitIsLost() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(new Vp8AssemblerConfig(64, 1200, 2000, 9000));
        TestSender sender = new TestSender(1000, 0, 0, 0);
        sender.send(TestFrames.keyFrame(1900, 64, 48, random)).forEach(p -> p.insertInto(assembler));
        assertThat(poll(assembler)).hasSize(1);

        sender.send(TestFrames.interFrame(2001, random)).forEach(p -> p.insertInto(assembler));

        assertThat(poll(assembler)).isEmpty();
        assertThat(assembler.waitingForKeyFrame()).isTrue();
    }

    @Test
    void holdingMoreThanMaxPacketsGivesTheOldestUp() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(new Vp8AssemblerConfig(16, 1200, 1 << 20, 1 << 30));
        TestSender sender = new TestSender(100, 0, 0, 0);
        sender.send(TestFrames.keyFrame(50, 64, 48, random)).forEach(p -> p.insertInto(assembler));
        assertThat(poll(assembler)).hasSize(1);
        List<TestPacket> gap = sender.send(TestFrames.interFrame(20, random));

        List<TestPacket> later = sender.send(TestFrames.interFrame(96 * 15, random));
        later.forEach(p -> p.insertInto(assembler));
        assertThat(assembler.waitingForKeyFrame()).isFalse();
        sender.send(TestFrames.interFrame(20, random)).forEach(p -> p.insertInto(assembler));

        assertThat(assembler.waitingForKeyFrame()).isTrue();
        assertThat(Vp8Failure.of(gap.get(0).insertInto(assembler))).isEqualTo(Vp8Failure.LATE);
        byte[] key = TestFrames.keyFrame(500, 64, 48, random);
        sender.send(key).forEach(p -> p.insertInto(assembler));
        assertThat(poll(assembler)).containsExactly(key);
    }

    @Test
    void sequenceNumbersFarBehindTheWindowAreASenderThatStartedOver() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(SMALL);
        sendKeyFrame(assembler, 30_000, 0);
        byte[] key = TestFrames.keyFrame(300, 64, 48, random);

        new TestSender(1000, 1000, 0, 0).send(key).forEach(p -> assertThat(p.insertInto(assembler)).isZero());

        assertThat(poll(assembler)).containsExactly(key);
        assertThat(assembler.stats().restarts()).isEqualTo(1);
    }

    @Test
    void badPacketsAreCountedAndDropped() {
        Vp8FrameAssembler assembler = new Vp8FrameAssembler(new Vp8AssemblerConfig(64, 100, 1 << 20, 9000));
        byte[][] malformed = {
            Hex.bytes("90 80"),                                // truncated descriptor
            Hex.bytes("90 80 11"),                             // no data
            Hex.bytes("90 80 11   10 00"),                     // a frame's first packet shorter than its tag
            Hex.bytes("90 80 11   10 00 00 9d 01 2a 10 00 10"),  // a key frame's header cut short
            Hex.bytes("90 80 11   10 00 00 9d 01 2b 10 00 10 00"), // wrong start code
        };
        Vp8Failure[] reasons = {Vp8Failure.TRUNCATED_DESCRIPTOR, Vp8Failure.NO_DATA, Vp8Failure.TRUNCATED_HEADER,
            Vp8Failure.TRUNCATED_HEADER, Vp8Failure.BAD_START_CODE};
        for (int i = 0; i < malformed.length; i++) {
            assertThat(Vp8Failure.of(assembler.insert(i, 0, true, malformed[i], 0, malformed[i].length)))
                    .isEqualTo(reasons[i]);
        }
        byte[] oversize = new byte[3 + 101];
        oversize[0] = (byte) 0x80;

        assertThat(Vp8Failure.of(assembler.insert(9, 0, true, oversize, 0, oversize.length)))
                .isEqualTo(Vp8Failure.OVERSIZE);
        assertThat(Vp8Failure.of(assembler.insert(9, 0, true, oversize, 100, 5)))
                .isEqualTo(Vp8Failure.INVALID_ARGUMENT);
        assertThat(Vp8Failure.of(assembler.insert(65536, 0, true, oversize, 0, 5)))
                .isEqualTo(Vp8Failure.INVALID_ARGUMENT);
        assertThat(Vp8Failure.of(assembler.insert(1, 1L << 32, true, oversize, 0, 5)))
                .isEqualTo(Vp8Failure.INVALID_ARGUMENT);
        assertThat(assembler.stats()).isEqualTo(new Vp8AssemblerStats(6, 0, 5, 1, 0, 0, 0, 0, 0, 0, 0));
    }

    /** Sends a key frame (handed out), then {@code frame} in three packets of which the second is held back. */
    private List<TestPacket> afterAKeyFrameAFrameWithoutItsMiddlePacket(Vp8FrameAssembler assembler,
            TestSender sender, byte[] frame) {
        sender.send(TestFrames.keyFrame(400, 64, 48, random)).forEach(p -> p.insertInto(assembler));
        assertThat(poll(assembler)).hasSize(1);
        List<TestPacket> packets = sender.send(frame);
        assertThat(packets).hasSize(3);
        packets.get(0).insertInto(assembler);
        packets.get(2).insertInto(assembler);
        return packets;
    }

    private void sendKeyFrame(Vp8FrameAssembler assembler, int sequence, long timestamp) {
        byte[] key = Hex.bytes("90 80 00   10 00 00 9d 01 2a 10 00 10 00");
        assembler.insert(sequence, timestamp, true, key, 0, key.length);
        assertThat(assembler.pollFrame(frame)).isTrue();
    }

    private List<byte[]> poll(Vp8FrameAssembler assembler) {
        List<byte[]> frames = new ArrayList<>();
        while (assembler.pollFrame(frame)) {
            frames.add(bytes(frame));
        }
        return frames;
    }

    private static byte[] bytes(Vp8FrameBuffer frame) {
        return Arrays.copyOf(frame.data(), frame.length());
    }
}
