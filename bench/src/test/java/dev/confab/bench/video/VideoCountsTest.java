package dev.confab.bench.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VideoCountsTest {

    @Test
    void readsTheEightNumbersOfAReply() {
        assertThat(VideoCounts.parse("5000000000 150 640 480 250 625000 151 1000000".split(" ")))
                .isEqualTo(new VideoCounts(5_000_000_000L, 150, 640, 480, 250, 625_000, 151, 1_000_000));
    }

    @Test
    void aReplyOfAnotherLengthIsRefused() {
        assertThatThrownBy(() -> VideoCounts.parse("1 2 3".split(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 numbers");
    }

    @Test
    void whatASideReceivedIsItsPicturesOverItsOwnTimeAndThePeersBytesOverThePeers() {
        VideoCounts start = new VideoCounts(1_000_000_000L, 100, 640, 480, 1000, 0, 0, 1_000_000);
        VideoCounts end = new VideoCounts(3_000_000_000L, 160, 640, 480, 1100, 0, 0, 1_000_000);
        VideoCounts peerStart = new VideoCounts(1_000_000_000L, 0, 0, 0, 0, 1_000_000, 0, 1_000_000);
        VideoCounts peerEnd = new VideoCounts(5_000_000_000L, 0, 0, 0, 0, 1_500_000, 0, 1_000_000);

        assertThat(end.receivedSince(start, peerStart, peerEnd)).isEqualTo(new ReceivedVideo(640, 480, 30, 1000, 100));
    }

    @Test
    void countsThatAreNotLaterAreRefused() {
        VideoCounts counts = new VideoCounts(1, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> counts.receivedSince(counts, counts, counts))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not later");
    }
}
