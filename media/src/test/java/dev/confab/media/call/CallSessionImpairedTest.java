package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.media.audio.jitter.JitterBufferStats;
import dev.confab.testkit.audio.Alignment;
import dev.confab.testkit.audio.Speech;
import dev.confab.testkit.net.impairment.Impairment;
import dev.confab.testkit.net.impairment.LossModel;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A call whose every datagram goes through the seeded impairment relay, which loses, delays and reorders from the start,
 * so that ICE and the DTLS handshake (its first retransmission after twice the path's round trip) set up through it too;
 * audio paced in real time as capture and playout pace it: what the callee plays is compared with
 * what the caller said.
 */
class CallSessionImpairedTest {
    private static final int FRAME = 960;
    private static final String WORDS = "Hello Bob, this is Alice. Can you hear me well? The coffee is hot.";
    /** Aligned per half second within 100 ms, as PESQ aligns per utterance (the jitter buffer moves the delay). */
    private static final int HALF_SECOND = 24_000;
    private static final int MAX_DRIFT = 4_800;

    @RegisterExtension
    final SessionFixture sessions = new SessionFixture();
    /** The capture and playout clocks: a frame every 20 ms each, as audio devices pace them. */
    private final ScheduledExecutorService audioClock = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stopTheAudioClock() {
        audioClock.shutdownNow();
    }

    @Test
    void withoutImpairmentThePeerHearsWhatWasSaid() throws Exception {
        Heard heard = talkThrough(Impairment.NONE, 1);
        System.out.println("no loss: " + heard);
        assertThat(heard.correlation()).isGreaterThanOrEqualTo(0.9);
        assertThat(Math.abs(heard.levelDb())).isLessThanOrEqualTo(3.0);
    }

    @Test
    void fivePercentLossAndThirtyMillisecondsOfJitterLeaveNoGapLongerThanSixtyMilliseconds() throws Exception {
        Heard heard = talkThrough(Impairment.NONE.withLoss(LossModel.random(0.05))
                .withDelay(Duration.ofMillis(10), Duration.ofMillis(30)), 2);
        System.out.println("5% loss: " + heard);
        assertThat(heard.jitterBuffer().longestGapMs()).isLessThanOrEqualTo(60);
    }

    /**
     * Heavier random loss with the same jitter: the call stays up and the speech stays intelligible (FEC and PLC);
     * the figures go into the README.
     */
    @ParameterizedTest(name = "{0}% loss")
    @CsvSource({"10, 0.6", "20, 0.5"})
    void heavierLossKeepsTheCallUpAndTheSpeechRecognizable(int lossPercent, double atLeast) throws Exception {
        Heard heard = talkThrough(Impairment.NONE.withLoss(LossModel.random(lossPercent / 100.0))
                .withDelay(Duration.ofMillis(10), Duration.ofMillis(30)), 3 + lossPercent);
        System.out.println(lossPercent + "% loss: " + heard);
        assertThat(heard.correlation()).isGreaterThanOrEqualTo(atLeast);
    }

    record Heard(double correlation, double levelDb, int delaySamples, JitterBufferStats jitterBuffer) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "correlation %.3f, level %.2f dB, delay %.1f ms, %s", correlation,
                    levelDb, delaySamples / 48.0, jitterBuffer);
        }
    }

    private Heard talkThrough(Impairment impairment, long seed) throws Exception {
        RelayedCall call = RelayedCall.connect(sessions, seed, impairment, callee -> { });
        CallSession caller = call.caller();
        CallSession callee = call.callee();
        System.out.printf(Locale.ROOT, "%.0f%% loss: connected %d ms after the answer%n",
                impairment.loss().meanLoss() * 100, call.connectedAfterNanos() / 1_000_000);

        short[] said = Speech.pcm48k(WORDS);
        short[] played = new short[said.length + 48_000];
        AtomicInteger saidFrames = new AtomicInteger();
        AtomicInteger playedFrames = new AtomicInteger();
        short[] micFrame = new short[FRAME];
        short[] speakerFrame = new short[FRAME];
        ScheduledFuture<?> mic = audioClock.scheduleAtFixedRate(() -> {
            int i = saidFrames.getAndIncrement();
            if ((i + 1) * FRAME <= said.length) {
                System.arraycopy(said, i * FRAME, micFrame, 0, FRAME);
            } else {
                java.util.Arrays.fill(micFrame, (short) 0);
            }
            caller.microphone().accept(micFrame);
        }, 0, 20, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> speaker = audioClock.scheduleAtFixedRate(() -> {
            int i = playedFrames.getAndIncrement();
            callee.speaker().fill(speakerFrame);
            if ((i + 1) * FRAME <= played.length) {
                System.arraycopy(speakerFrame, 0, played, i * FRAME, FRAME);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(said.length / 48_000 + 10))
                .until(() -> playedFrames.get() * FRAME >= played.length);
        mic.cancel(false);
        speaker.cancel(false);

        Alignment aligned = Alignment.piecewise(said, played, HALF_SECOND, MAX_DRIFT);
        return new Heard(aligned.correlation(), aligned.levelDb(), aligned.lagSamples(),
                callee.statistics().jitterBuffer().orElseThrow());
    }
}
