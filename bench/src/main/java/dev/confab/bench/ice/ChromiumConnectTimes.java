package dev.confab.bench.ice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.Chromium;
import dev.confab.testkit.TestPageServer;
import java.util.ArrayList;
import java.util.List;

/**
 * Chromium's connect times on loopback, the same measurement as {@link LoopbackConnect} makes for Confab: two
 * {@code RTCPeerConnection}s in one page of headless Chromium ({@code chromium-connect.html}), certificates made
 * before time zero, candidates passed directly, the offerer's times from {@code createOffer} to ICE connected and to
 * the connection (ICE and DTLS) connected, taken in the page.
 *
 * <p>Thread contract: one thread drives an instance; {@link #close()} stops the browser and the page server.
 */
final class ChromiumConnectTimes implements AutoCloseable {
    private final TestPageServer pages;
    private final Chromium chromium;

    /** A fresh browser with the page loaded. */
    ChromiumConnectTimes() {
        pages = TestPageServer.start();
        try {
            chromium = Chromium.launch();
            chromium.navigate(pages.putResource(ChromiumConnectTimes.class, "chromium-connect.html"));
        } catch (RuntimeException e) {
            pages.close();
            throw e;
        }
    }

    /** The first call set-up in a freshly launched browser. */
    static ConnectTime cold() {
        try (ChromiumConnectTimes browser = new ChromiumConnectTimes()) {
            return browser.measure();
        }
    }

    /** {@code measured} set-ups in this page after {@code warmUp} unmeasured ones. */
    List<ConnectTime> warm(int warmUp, int measured) {
        List<ConnectTime> times = new ArrayList<>();
        for (int i = 0; i < warmUp + measured; i++) {
            ConnectTime time = measure();
            if (i >= warmUp) {
                times.add(time);
            }
        }
        return times;
    }

    /** The browser's version, such as {@code 156.0.8078.108}. */
    String version() {
        return chromium.browserVersion();
    }

    /** The DTLS version the two peer connections negotiated, as {@code getStats()} names it ({@code FEFC}: 1.3). */
    String dtlsVersion() {
        return chromium.evaluate("return (await connectOnce()).dtlsVersion;").asText();
    }

    private ConnectTime measure() {
        JsonNode times = chromium.evaluate("return await connectOnce();");
        return new ConnectTime(times.path("iceMs").asDouble(), times.path("dtlsMs").asDouble());
    }

    @Override
    public void close() {
        chromium.close();
        pages.close();
    }
}
