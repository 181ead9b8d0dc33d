package dev.confab.media.audio.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.confab.media.audio.opus.Transcoder.Recovery;
import dev.confab.testkit.audio.Speech;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Encode and decode through the real libopus (whichever {@link OpusLibrary} loads; the system's 1.3.1 here). The
 * thresholds sit below what 1.3.1 measured here with a margin, and above what a broken path (wrong alignment, wrong
 * channel count, a dropped setting) gives; the measured value is in each comment.
 */
class OpusCodecTest {
    private static final int FRAME = 960;
    private static short[] speech;

    @BeforeAll
    static void speak() throws Exception {
        speech = Speech.pcm48k("Confab calls travel peer to peer. The quick brown fox jumps over the lazy dog,"
                + " and seven silver swans swam south.");
    }

    @Test
    void reportsTheLibraryItLoaded() {
        OpusLibrary library = OpusLibrary.get();

        assertThat(library.version()).startsWith("libopus ");
        assertThat(library.path()).isNotEmpty();
    }

    @Test
    void aSineComesBackAlignedByTheLookahead() {
        short[] sine = Signals.sine(440, 0.3, 2 * Signals.RATE);
        try (OpusEncoder encoder = OpusEncoder.create(OpusEncoderConfig.DEFAULT)) {
            short[] decoded = Transcoder.decode(Transcoder.encode(encoder, sine), FRAME, i -> false, Recovery.PLC);
            int lag = alignedLag(sine, decoded, encoder.lookahead(), Signals.RATE);

            // measured 24.3 dB and 0.998 at 32 kbit/s; a lag off by 3 samples already gives 12 dB
            assertThat(Signals.snrDb(sine, decoded, lag, 4800, Signals.RATE)).isGreaterThan(20);
            assertThat(Signals.correlation(sine, decoded, lag, 4800, Signals.RATE)).isGreaterThan(0.99);
        }
    }

    @Test
    void speechComesBackCorrelatedAtTheEncodersDelay() {
        try (OpusEncoder encoder = OpusEncoder.create(OpusEncoderConfig.DEFAULT)) {
            short[] decoded = Transcoder.decode(Transcoder.encode(encoder, speech), FRAME, i -> false, Recovery.PLC);
            int to = decoded.length - 2000;
            int lag = alignedLag(speech, decoded, encoder.lookahead(), to);

            // measured: lag 309, correlation 0.959; the call issue asks >= 0.9 end to end, so the codec alone must
            // clear it with room for the jitter buffer and devices
            assertThat(Signals.correlation(speech, decoded, lag, 4800, to)).isGreaterThan(0.93);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 20, 40, 60})
    void eachFrameDurationDecodesAndConcealsToItsLength(int millis) {
        OpusEncoderConfig config = new OpusEncoderConfig(1, millis, 32_000, 9, true, false, 0,
                OpusBandwidth.FULLBAND, false);
        try (OpusEncoder encoder = OpusEncoder.create(config); OpusDecoder decoder = OpusDecoder.create(1)) {
            List<byte[]> packets = Transcoder.encode(encoder, Signals.sine(300, 0.2, Signals.RATE / 2));
            short[] pcm = new short[OpusPackets.MAX_SAMPLES];
            byte[] first = packets.getFirst();

            assertThat(OpusPackets.samples(first, 0, first.length)).isEqualTo(config.frameSamples());
            assertThat(decoder.decode(first, 0, first.length, pcm, 0, pcm.length)).isEqualTo(config.frameSamples());
            assertThat(decoder.conceal(pcm, 0, config.frameSamples())).isEqualTo(config.frameSamples());
        }
    }

    @Test
    void inBandFecRecoversALostFrameBetterThanConcealment() {
        int bitrate = OpusLossPolicy.Limits.DEFAULT.fecMinBitrate();
        OpusEncoderConfig config = new OpusEncoderConfig(1, 20, bitrate, 9, true, false, 20,
                OpusBandwidth.FULLBAND, false);
        try (OpusEncoder encoder = OpusEncoder.create(config)) {
            List<byte[]> packets = Transcoder.encode(encoder, speech);
            IntPredicate lost = i -> i > 10 && i % 5 == 2;
            short[] plc = Transcoder.decode(packets, FRAME, lost, Recovery.PLC);
            short[] fec = Transcoder.decode(packets, FRAME, lost, Recovery.FEC);

            double plcCorrelation = lostFramesCorrelation(packets.size(), lost, plc, encoder.lookahead());
            double fecCorrelation = lostFramesCorrelation(packets.size(), lost, fec, encoder.lookahead());
            // measured at 24 kbit/s, 20 % hint: PLC 0.34, FEC 0.64
            assertThat(fecCorrelation).as("FEC %.3f vs PLC %.3f", fecCorrelation, plcCorrelation)
                    .isGreaterThan(plcCorrelation + 0.2);
        }
    }

    @Test
    void withoutALossHintFecCarriesNothing() {
        try (OpusEncoder encoder = OpusEncoder.create(OpusEncoderConfig.DEFAULT)) {
            List<byte[]> packets = Transcoder.encode(encoder, speech);
            IntPredicate lost = i -> i > 10 && i % 5 == 2;
            short[] plc = Transcoder.decode(packets, FRAME, lost, Recovery.PLC);
            short[] fec = Transcoder.decode(packets, FRAME, lost, Recovery.FEC);

            assertThat(lostFramesCorrelation(packets.size(), lost, fec, encoder.lookahead()))
                    .isCloseTo(lostFramesCorrelation(packets.size(), lost, plc, encoder.lookahead()), within(0.02));
        }
    }

    @Test
    void dtxSendsSilenceAsOneBytePackets() {
        short[] silence = new short[2 * Signals.RATE];
        try (OpusEncoder dtx = OpusEncoder.create(OpusEncoderConfig.DEFAULT);
                OpusEncoder continuous = OpusEncoder.create(withDtx(false))) {
            List<byte[]> quiet = Transcoder.encode(dtx, silence);
            List<byte[]> full = Transcoder.encode(continuous, silence);

            // measured: after 10 frames, 1-byte packets with a 35-byte refresh every 20th (400 ms); the bundled
            // libopus 1.1.2 sends none at 32 kbit/s (DTX only in SILK-only mode), which is why the system's comes first
            long tiny = quiet.stream().skip(10).filter(p -> p.length <= OpusEncoder.DTX_PACKET_MAX_BYTES).count();
            assertThat(tiny).isGreaterThanOrEqualTo((quiet.size() - 10) * 9 / 10);
            assertThat(full).allSatisfy(p -> assertThat(p.length).isGreaterThan(OpusEncoder.DTX_PACKET_MAX_BYTES));
        }
    }

    @Test
    void aBitrateChangeTakesEffectOnTheNextPackets() {
        short[] noise = Signals.noise(7, 2 * Signals.RATE);
        try (OpusEncoder encoder = OpusEncoder.create(withDtx(false))) {
            encoder.setBitrate(12_000);
            double low = averageSize(Transcoder.encode(encoder, noise));
            encoder.setBitrate(48_000);
            double high = averageSize(Transcoder.encode(encoder, noise));

            // 20 ms at 12 / 48 kbit/s is 30 / 120 bytes; measured 23.7 and 104.3
            assertThat(encoder.bitrate()).isEqualTo(48_000);
            assertThat(low).isBetween(18.0, 40.0);
            assertThat(high).isBetween(85.0, 140.0);
        }
    }

    @Test
    void settingsReadBackFromLibopus() {
        try (OpusEncoder encoder = OpusEncoder.create(OpusEncoderConfig.DEFAULT)) {
            encoder.setPacketLossPercent(10);
            encoder.setComplexity(5);
            encoder.setInbandFec(false);
            encoder.setDtx(false);

            assertThat(encoder.packetLossPercent()).isEqualTo(10);
            assertThat(encoder.complexity()).isEqualTo(5);
            assertThat(encoder.inbandFec()).isFalse();
            assertThat(encoder.dtx()).isFalse();
            assertThatThrownBy(() -> encoder.setBitrate(5_000)).hasMessageContaining("bitrate 5000 is outside");
        }
    }

    @Test
    void badInputReturnsAStatusAndNeverThrows() {
        try (OpusEncoder encoder = OpusEncoder.create(OpusEncoderConfig.DEFAULT);
                OpusDecoder decoder = OpusDecoder.create(1)) {
            short[] pcm = new short[FRAME];
            byte[] out = new byte[100];

            assertThat(encoder.encode(pcm, 1, out, 0, out.length)).isEqualTo(OpusError.BAD_ARG.status());
            assertThat(encoder.encode(pcm, 0, out, 90, 20)).isEqualTo(OpusError.BAD_ARG.status());
            assertThat(decoder.decode(new byte[] {(byte) 0x03}, 0, 1, pcm, 0, FRAME))
                    .isEqualTo(OpusError.INVALID_PACKET.status());
            assertThat(decoder.decode(new byte[0], 0, 0, pcm, 0, FRAME)).isEqualTo(OpusError.BAD_ARG.status());
            assertThat(decoder.decode(new byte[5000], 0, 5000, pcm, 0, FRAME)).isEqualTo(OpusError.BAD_ARG.status());
            assertThat(decoder.conceal(pcm, 0, FRAME + 1)).isEqualTo(OpusError.BAD_ARG.status());
        }
    }

    @Test
    void aClosedCodecRefusesUse() {
        OpusEncoder encoder = OpusEncoder.create(OpusEncoderConfig.DEFAULT);
        OpusDecoder decoder = OpusDecoder.create(1);
        encoder.close();
        decoder.close();
        encoder.close();

        assertThatThrownBy(() -> encoder.encode(new short[FRAME], 0, new byte[100], 0, 100))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> decoder.conceal(new short[FRAME], 0, FRAME))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /**
     * The lag at which {@code decoded} best matches {@code source}, searched within 40 samples of the encoder's
     * lookahead (less than half a period of the test sine, so a tone cannot match a period off); asserted to be
     * within 10 samples of it (libopus 1.3.1 here: 309 against a reported 312).
     */
    private static int alignedLag(short[] source, short[] decoded, int lookahead, int to) {
        int from = lookahead - 40;
        int lag = from + Signals.bestLag(java.util.Arrays.copyOfRange(source, 0, to),
                java.util.Arrays.copyOfRange(decoded, from, decoded.length), 80, 4800, to - 80);
        assertThat(lag).isBetween(lookahead - 10, lookahead + 10);
        return lag;
    }

    private static OpusEncoderConfig withDtx(boolean dtx) {
        OpusEncoderConfig d = OpusEncoderConfig.DEFAULT;
        return new OpusEncoderConfig(d.channels(), d.frameMillis(), d.bitrate(), d.complexity(), d.inbandFec(), dtx,
                d.packetLossPercent(), d.maxBandwidth(), d.cbr());
    }

    private static double averageSize(List<byte[]> packets) {
        return packets.stream().skip(10).mapToInt(p -> p.length).average().orElseThrow();
    }

    /** The mean correlation, over the lost frames that hold sound, of the decoded frame with its source. */
    private static double lostFramesCorrelation(int frames, IntPredicate lost, short[] decoded, int lag) {
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < frames - 1; i++) {
            int from = i * FRAME - lag;
            if (lost.test(i) && Signals.correlation(speech, speech, 0, from, from + FRAME) != 0) {
                sum += Signals.correlation(speech, decoded, lag, from, from + FRAME);
                counted++;
            }
        }
        assertThat(counted).as("lost frames with speech").isGreaterThan(30);
        return sum / counted;
    }
}
