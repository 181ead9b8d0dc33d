package dev.confab.client.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ConfabApiInterruptTest {

    @Test
    void anInterruptedRequestFailsAsAnApiExceptionAndKeepsTheInterrupt() throws Exception {
        // OkHttp waits for its TCP connect interruptibly and lets the InterruptedException out undeclared: a caller
        // that catches RuntimeException (every view-model's background work) must still get an ApiException.
        OkHttpClient http = new OkHttpClient();
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ConfabApi api = new ConfabApi("http://127.0.0.1:" + listening.getLocalPort(), http);
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(api::health).isInstanceOf(ApiException.class)
                        .hasMessage("The request to the server was stopped.")
                        .hasCauseInstanceOf(InterruptedException.class);
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
