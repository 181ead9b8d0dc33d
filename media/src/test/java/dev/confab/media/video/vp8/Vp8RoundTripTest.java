package dev.confab.media.video.vp8;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded random streams packetized, some with padding packets between frames, then lost, duplicated and reordered
 * (each packet at most 8 places from where it was sent), and put back together. What comes out must be exactly the
 * frames a decoder can use: each frame whose packets all arrived (lost padding does not matter) and that is a key
 * frame or follows, unbroken, a frame that came out; byte for byte, in order, with its key flag, PictureID and
 * timestamp. The assembler waits 10 frames for a missing packet, longer than 8
 * places of reordering can delay one, so only packets really lost make it give a frame up; the last 15 frames are
 * never lost, so every loss is given up on before the stream ends.
 */
class Vp8RoundTripTest {
    private static final int FRAMES = 300;
    private static final int KEY_FRAME_INTERVAL = 30;
    private static final int REORDER = 8;
    private static final int SAFE_TAIL = 15;
    private static final Vp8AssemblerConfig CONFIG = new Vp8AssemblerConfig(1024, 1500, 1 << 20,
            10 * TestSender.FRAME_TICKS);

    /** A frame and the packets that carry it, padding after it included. */
    private record Sent(byte[] frame, boolean key, int pictureId, long timestamp, List<TestPacket> packets) {}

    private record Arrival(TestPacket packet, double order) {}

    @ParameterizedTest(name = "seed {0}, loss {1}, duplicates {2}, padding {3}")
    @CsvSource({
        "1, 0, 0, 0", "2, 0, 0.05, 0.1", "3, 0, 0.2, 0.5", "4, 0.01, 0.02, 0.2", "5, 0.02, 0.02, 0.2",
        "6, 0.05, 0.05, 0.1", "7, 0.1, 0.05, 0", "8, 0.3, 0.1, 0.3", "9, 0.02, 0, 0", "10, 0.005, 0.01, 0.5"})
    void whatComesOutIsExactlyTheDecodableFrames(long seed, double loss, double duplicates, double padding) {
        Random random = new Random(seed);
        List<Sent> sent = send(random, padding);
        boolean[] arrived = new boolean[FRAMES];
        List<TestPacket> network = network(sent, loss, duplicates, random, arrived);

        Vp8FrameAssembler assembler = new Vp8FrameAssembler(CONFIG);
        Vp8FrameBuffer frame = new Vp8FrameBuffer();
        List<Integer> out = new ArrayList<>();
        for (TestPacket packet : network) {
            int status = packet.insertInto(assembler);
            assertThat(status == 0 || status == Vp8Failure.DUPLICATE.status() || status == Vp8Failure.LATE.status())
                    .as("status %s", status).isTrue();
            while (assembler.pollFrame(frame)) {
                int index = indexOf(sent, frame.timestamp());
                Sent expected = sent.get(index);
                assertThat(Arrays.copyOf(frame.data(), frame.length())).isEqualTo(expected.frame());
                assertThat(frame.keyFrame()).isEqualTo(expected.key());
                assertThat(frame.pictureId()).isEqualTo(expected.pictureId());
                out.add(index);
            }
        }

        List<Integer> decodable = decodable(sent, arrived);
        assertThat(out).isEqualTo(decodable);
        assertThat(assembler.stats().frames()).isEqualTo(decodable.size());
        if (loss == 0) {
            assertThat(out).hasSize(FRAMES);
            assertThat(assembler.stats().unrecoverableLosses()).isZero();
        } else {
            assertThat(out).hasSizeLessThan(FRAMES);
        }
        assertThat(assembler.waitingForKeyFrame()).isEqualTo(!decodable.contains(FRAMES - 1));
    }

    /**
     * Frames every 30 a key frame, of random sizes, through a packetizer of random payload size, near the wraps; with
     * probability {@code padding}, 1 to 3 padding packets after a frame (which may be lost too, losing no frame).
     */
    private static List<Sent> send(Random random, double padding) {
        TestSender sender = new TestSender(200 + random.nextInt(1000), 65_000 + random.nextInt(536),
                0xffff_ffffL - random.nextInt(100 * TestSender.FRAME_TICKS), 32_700 + random.nextInt(68));
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            boolean key = i % KEY_FRAME_INTERVAL == 0;
            byte[] frame = key ? TestFrames.keyFrame(5000 + random.nextInt(25_000), 640, 480, random)
                    : TestFrames.interFrame(3 + random.nextInt(6000), random);
            long timestamp = sender.nextTimestamp();
            List<TestPacket> packets = new ArrayList<>(sender.send(frame));
            int fill = random.nextDouble() < padding ? 1 + random.nextInt(3) : 0;
            for (int p = 0; p < fill; p++) {
                packets.add(sender.padding());
            }
            sent.add(new Sent(frame, key, sender.pictureId(), timestamp, packets));
        }
        return sent;
    }

    /** The packets in the order they arrive; {@code arrived[i]} says whether all of frame i's packets did. */
    private static List<TestPacket> network(List<Sent> sent, double loss, double duplicates, Random random,
            boolean[] arrived) {
        List<Arrival> arrivals = new ArrayList<>();
        int position = 0;
        for (int i = 0; i < FRAMES; i++) {
            arrived[i] = true;
            for (TestPacket packet : sent.get(i).packets()) {
                position++;
                if (i < FRAMES - SAFE_TAIL && random.nextDouble() < loss) {
                    arrived[i] &= packet.payload().length == 0;
                    continue;
                }
                arrivals.add(new Arrival(packet, position + random.nextDouble() * REORDER));
                if (random.nextDouble() < duplicates) {
                    arrivals.add(new Arrival(packet, position + random.nextDouble() * REORDER));
                }
            }
        }
        arrivals.sort(Comparator.comparingDouble(Arrival::order));
        return arrivals.stream().map(Arrival::packet).toList();
    }

    /** The frames a decoder can use, in order: complete, and a key frame or right after one that came out. */
    private static List<Integer> decodable(List<Sent> sent, boolean[] arrived) {
        List<Integer> decodable = new ArrayList<>();
        boolean chain = false;
        for (int i = 0; i < FRAMES; i++) {
            chain = arrived[i] && (chain || sent.get(i).key());
            if (chain) {
                decodable.add(i);
            }
        }
        return decodable;
    }

    private static int indexOf(List<Sent> sent, long timestamp) {
        long first = sent.get(0).timestamp();
        return (int) (((timestamp - first) & 0xffff_ffffL) / TestSender.FRAME_TICKS);
    }
}
