package dev.confab.bench.calls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.bench.BrowserCpu;
import dev.confab.testkit.Chromium;
import dev.confab.testkit.ChromiumOptions;
import dev.confab.testkit.TestPageServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Chromium's side of the comparison: two {@code RTCPeerConnection}s in one page of headless Chromium
 * ({@code chromium-call.html}) call each other on loopback with the fake microphone playing a WAV file; the same
 * set-up times {@link ConfabCalls} takes for Confab, and the browser's CPU during a call.
 *
 * <p>Thread contract: one thread drives an instance; {@link #close()} stops the browser and the page server.
 */
final class ChromiumCalls implements AutoCloseable {
    private final TestPageServer pages;
    private final Chromium chromium;

    /** A fresh browser whose fake microphone plays {@code microphone}, with the page loaded. */
    ChromiumCalls(Path microphone) {
        pages = TestPageServer.start();
        try {
            chromium = Chromium.launch(ChromiumOptions.DEFAULTS.withFakeAudioCapture(microphone)
                    .withExtraFlags(List.of("--autoplay-policy=no-user-gesture-required")));
            chromium.navigate(pages.putResource(ChromiumCalls.class, "chromium-call.html"));
        } catch (RuntimeException e) {
            pages.close();
            throw e;
        }
    }

    /** {@code measured} calls in this page after {@code warmUp} unmeasured ones. */
    List<SetupTime> setUps(int warmUp, int measured) {
        List<SetupTime> times = new ArrayList<>();
        for (int i = 0; i < warmUp + measured; i++) {
            JsonNode time = chromium.evaluate("return await callOnce();");
            if (i >= warmUp) {
                times.add(new SetupTime(time.path("ringMs").asDouble(), time.path("firstAudioMs").asDouble()));
            }
        }
        return times;
    }

    /** The mean time between two {@code getStats()} polls of the caller's receiver in one more call, ms. */
    double pollMillis() {
        return chromium.evaluate("return (await callOnce()).pollMs;").asDouble();
    }

    /**
     * The browser's CPU (all its processes: browser, renderer, GPU, network and audio services) as a percentage of
     * one core over {@code length} of a call between its two peer connections, both sending the fake microphone.
     */
    double cpuPercent(Duration length) throws InterruptedException {
        chromium.evaluate("return await talk();");
        try {
            Thread.sleep(2000); // as for Confab: the first seconds are not counted
            BrowserCpu cpu = BrowserCpu.of(chromium.dir());
            long packetsBefore = chromium.evaluate("return await packetsReceived();").asLong();
            BrowserCpu.Reading before = cpu.read();
            Thread.sleep(length.toMillis());
            double percent = cpu.read().percentOfCoreSince(before);
            if (chromium.evaluate("return await packetsReceived();").asLong() <= packetsBefore) {
                throw new IllegalStateException("Chromium's call carried no audio");
            }
            return percent;
        } finally {
            chromium.evaluate("hangUp(); return true;");
        }
    }

    /** The browser's version, such as {@code 156.0.8078.108}. */
    String version() {
        return chromium.browserVersion();
    }

    @Override
    public void close() {
        chromium.close();
        pages.close();
    }
}
