package dev.confab.media.video.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.media.video.frame.FrameSize;
import dev.confab.media.video.frame.I420Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameMailboxTest {
    private static final FrameSize SIZE = new FrameSize(16, 16);

    @Test
    void aSlowConsumerGetsTheNewestTwoFramesAndTheRestAreCounted() {
        FrameMailbox mailbox = new FrameMailbox(SIZE);
        I420Frame held = post(mailbox, 0);
        assertThat(mailbox.takeNext()).isSameAs(held);
        for (int n = 1; n <= 10; n++) {
            post(mailbox, n);
        }
        assertThat(mailbox.dropped()).isEqualTo(8);
        mailbox.recycle(held);
        assertThat(mailbox.takeNext().captureTimeMicros()).isEqualTo(9);
        assertThat(mailbox.takeNext().captureTimeMicros()).isEqualTo(10);
    }

    @Test
    void framesAreReusedNotAllocated() {
        FrameMailbox mailbox = new FrameMailbox(SIZE);
        List<I420Frame> seen = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            post(mailbox, n);
            I420Frame frame = mailbox.takeNext();
            if (seen.stream().noneMatch(f -> f == frame)) {
                seen.add(frame);
            }
            mailbox.recycle(frame);
        }
        assertThat(seen).hasSizeLessThanOrEqualTo(4);
        assertThat(mailbox.dropped()).isZero();
    }

    @Test
    void closingEndsTheWaitAndQueuedFramesAreNotDelivered() throws Exception {
        FrameMailbox mailbox = new FrameMailbox(SIZE);
        Thread waiter = new Thread(() -> assertThat(mailbox.takeNext()).isNull());
        waiter.start();
        mailbox.close();
        waiter.join(2_000);
        assertThat(waiter.isAlive()).isFalse();
        post(mailbox, 1);
        assertThat(mailbox.takeNext()).isNull();
    }

    private static I420Frame post(FrameMailbox mailbox, long captureMicros) {
        I420Frame frame = mailbox.emptyFrame();
        frame.setCaptureTimeMicros(captureMicros);
        mailbox.post(frame);
        return frame;
    }
}
