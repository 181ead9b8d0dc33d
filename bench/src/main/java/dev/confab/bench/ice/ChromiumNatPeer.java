package dev.confab.bench.ice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.Chromium;
import dev.confab.testkit.ChromiumOptions;
import dev.confab.testkit.net.Host;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A Chromium peer in a lab host: headless Chromium launched in the host's namespace, on {@code about:blank} with
 * {@code chromium-nat-peer.js} installed (the lab cannot reach a page server in the root namespace). Thread contract:
 * one thread drives it.
 */
final class ChromiumNatPeer implements NatPeer {
    private static final String SCRIPT = resource("chromium-nat-peer.js");
    private final Chromium chromium;

    /** A freshly launched browser in {@code host}, its first certificate made. */
    ChromiumNatPeer(Host host) {
        chromium = Chromium.launchIn(host.namespace(), ChromiumOptions.DEFAULTS);
        try {
            chromium.navigate("about:blank");
            chromium.execute(SCRIPT + "\nreturn true;");
            chromium.evaluate("await natPeer.prepare();");
        } catch (RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    /** The browser's version, such as {@code 156.0.8078.108}. */
    String version() {
        return chromium.browserVersion();
    }

    @Override
    public Offer offer(String stun) {
        JsonNode offer = chromium.evaluate("return await natPeer.offer(args[0]);", stun);
        return new Offer(offer.path("sdp").asText(), offer.path("readyMs").asDouble());
    }

    @Override
    public Answer answer(String stun, String offerSdp) {
        JsonNode answer = chromium.evaluate("return await natPeer.answer(args[0], args[1]);", stun, offerSdp);
        return new Answer(answer.path("sdp").asText(), answer.path("busyMs").asDouble());
    }

    @Override
    public double answered(String answerSdp) {
        return chromium.evaluate("return await natPeer.answered(args[0]);", answerSdp).path("appliedMs").asDouble();
    }

    @Override
    public ConnectTime times() {
        JsonNode times = chromium.evaluate("return await natPeer.times();");
        return new ConnectTime(times.path("iceMs").asDouble(), times.path("dtlsMs").asDouble());
    }

    @Override
    public void hangUp() {
        chromium.evaluate("await natPeer.close();");
    }

    @Override
    public void close() {
        chromium.close();
    }

    private static String resource(String name) {
        try (InputStream in = ChromiumNatPeer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
