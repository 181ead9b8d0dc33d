package dev.confab.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.CallSettings;
import dev.confab.client.core.store.Profile;
import dev.confab.client.testing.Seeded;
import dev.confab.testkit.Chromium;
import dev.confab.testkit.ChromiumOptions;
import dev.confab.testkit.ServerProcess;
import dev.confab.testkit.TestPageServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Confab client and a browser user who are contacts, through the real signaling server: a test page
 * ({@code confab-call-peer.html}) in headless Chromium signs the browser user up through the REST API, asks Confab
 * for contact, which Confab accepts, and holds the event WebSocket. The server lists the test page server's origin in
 * {@code http.cors-allowed-origins}, so the page uses it as any web page would, with no browser security switched off.
 * Closing closes all of it, last opened first, also when setting up failed half-way.
 *
 * @param server        the signaling server
 * @param confab        the Confab client, live
 * @param chromium      the browser with the page open
 * @param confabUserId  Confab's user id
 * @param browserUserId the browser user's id
 */
record ChromiumContact(ServerProcess server, ConfabClient confab, Chromium chromium, String confabUserId,
        String browserUserId, List<AutoCloseable> opened) implements AutoCloseable {
    static final String PASSWORD = "correct horse battery 42";
    static final Duration WAIT = Duration.ofSeconds(20);

    /** Starts it all, Chromium with {@code options}. */
    static ChromiumContact start(ChromiumOptions options) throws Exception {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            TestPageServer pages = opened(opened, TestPageServer.start());
            ServerProcess server = opened(opened, ServerProcess.builder()
                    .set("http.cors-allowed-origins", originOf(pages.url("/"))).build()).start();
            long seed = Seeded.next();
            ConfabClient confab = opened(opened, ConfabClient.open(ClientConfig.builder(
                            new Profile(server.dataDir().resolve("confab-profile")))
                    .serverUrl(server.baseUrl()).random(Seeded.secureRandom(seed))
                    .backoffRandom(new SplittableRandom(seed))
                    .calls(CallSettings.defaults().withLoopback(true).withWarmUp(false)).build()));
            String confabUserId = confab.account().register("confab", PASSWORD, null).userId();
            confab.start();

            Chromium chromium = opened(opened, Chromium.launch(options));
            chromium.navigate(pages.putResource(ChromiumContact.class, "confab-call-peer.html"));
            chromium.evaluate("return await openMicrophone();");
            JsonNode session = chromium.evaluate("return await signUp(args[0], args[1], args[2]);",
                    server.baseUrl(), "chromium", PASSWORD);
            String browserUserId = session.path("userId").asText();
            chromium.evaluate("return await askContact(args[0]);", "confab");
            eventually().until(() -> confab.contacts().requests().incoming().stream()
                    .anyMatch(r -> r.from().userId().equals(browserUserId)));
            confab.contacts().accept("chromium");

            JsonNode welcome = chromium.evaluate("return await openEvents();");
            assertThat(welcome.path("userId").asText()).isEqualTo(browserUserId);
            assertThat(welcome.path("subprotocol").asText()).as("the server selects the version, not the token")
                    .isEqualTo("confab.v1");
            eventually().until(() -> confab.connection().connected());
            return new ChromiumContact(server, confab, chromium, confabUserId, browserUserId, opened);
        } catch (Exception | Error e) {
            closeAll(opened);
            throw e;
        }
    }

    /** Awaitility for this pair: {@link #WAIT} at most, polled every 20 ms. */
    static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(20));
    }

    @Override
    public void close() throws Exception {
        closeAll(opened);
    }

    private static void closeAll(List<AutoCloseable> opened) throws Exception {
        for (AutoCloseable resource : opened.reversed()) {
            resource.close();
        }
        opened.clear();
    }

    private static <T extends AutoCloseable> T opened(List<AutoCloseable> opened, T resource) {
        opened.add(resource);
        return resource;
    }

    /** The origin ({@code scheme://host:port}) a page at {@code url} sends. */
    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
