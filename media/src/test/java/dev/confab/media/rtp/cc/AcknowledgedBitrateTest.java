package dev.confab.media.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The acknowledged bitrate over its 500 ms window. */
class AcknowledgedBitrateTest {
    private static final long MS = 1_000_000;

    private final AcknowledgedBitrate acknowledged = new AcknowledgedBitrate();

    @Test
    void unknownBefore150MsThenTheRateOverTheWindow() {
        acknowledged.onReceived(0, 1000);
        assertThat(acknowledged.bitrateBps()).isEqualTo(-1);

        for (int i = 1; i <= 200; i++) {
            acknowledged.onReceived(i * 10 * MS, 1000);
        }

        assertThat(acknowledged.bitrateBps()).isEqualTo(800_000);
    }

    @Test
    void itFollowsADrop() {
        for (int i = 0; i <= 100; i++) {
            acknowledged.onReceived(i * 10 * MS, 1000);
        }
        for (int i = 101; i <= 200; i++) {
            acknowledged.onReceived(i * 10 * MS, 250);
        }

        assertThat(acknowledged.bitrateBps()).isEqualTo(200_000);
    }

    @Test
    void aFloodOfTinyPacketsKeepsMemoryBounded() {
        for (int i = 0; i < 100_000; i++) {
            acknowledged.onReceived(i * 10_000L, 1);
        }

        assertThat(acknowledged.bitrateBps()).isEqualTo(AcknowledgedBitrate.CAPACITY * 8 * 1000 / 500);
    }
}
