package dev.confab.crypto.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueueDatagramLinkTest {

    private final List<byte[]> sent = new ArrayList<>();
    private final QueueDatagramLink link = new QueueDatagramLink(256, 300, 2,
            (buf, off, len) -> sent.add(java.util.Arrays.copyOfRange(buf, off, off + len)));

    @Test
    void deliversCopiesInOrderAndDropsWhatDoesNotFit() throws IOException {
        byte[] datagram = {1, 2, 3};
        assertThat(link.deliver(datagram, 0, 3)).isTrue();
        datagram[0] = 9;
        assertThat(link.deliver(datagram, 1, 2)).isTrue();
        assertThat(link.deliver(datagram, 0, 3)).as("queue full").isFalse();
        assertThat(link.deliver(new byte[301], 0, 301)).as("above the receive limit").isFalse();
        assertThat(link.deliver(datagram, 0, 0)).as("empty").isFalse();

        byte[] buf = new byte[300];
        assertThat(link.receive(buf, 0, buf.length, 1)).isEqualTo(3);
        assertThat(buf).startsWith(1, 2, 3);
        assertThat(link.receive(buf, 0, 1, 1)).as("truncated like UDP").isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 2);
        assertThat(link.receive(buf, 0, buf.length, 1)).as("timed out").isEqualTo(-1);
        assertThat(link.dropped()).isEqualTo(3);
    }

    /** The receive would wait a minute; the wake-up (before or during the wait) ends it within seconds. */
    @Test
    void wakeupEndsAWaitingReceive() throws Exception {
        CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
            try {
                return link.receive(new byte[300], 0, 300, 60_000);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        link.wakeup();

        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void closeDrainsThenFailsAndRefusesMore() throws IOException {
        link.deliver(new byte[] {7}, 0, 1);
        link.close();

        assertThat(link.deliver(new byte[] {8}, 0, 1)).isFalse();
        assertThat(link.receive(new byte[300], 0, 300, 1)).isEqualTo(1);
        assertThatThrownBy(() -> link.receive(new byte[300], 0, 300, 1)).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> link.send(new byte[1], 0, 1)).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void anInterruptedReceiveThrowsInterruptedIoException() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> link.receive(new byte[300], 0, 300, 60_000))
                .isInstanceOf(InterruptedIOException.class);
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void sendsThroughTheSender() throws IOException {
        link.send(new byte[] {1, 2, 3, 4}, 1, 2);

        assertThat(sent).containsExactly(new byte[] {2, 3});
        assertThat(link.sendLimit()).isEqualTo(256);
        assertThat(link.receiveLimit()).isEqualTo(300);
    }
}
