package dev.confab.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The SDP fixtures recorded from Chromium 156 by {@link ChromiumSdpInteropTest}, as test resources. */
final class Fixtures {
    /** Chromium's offer: fake microphone and camera, host candidates gathered. */
    static final String CHROMIUM_OFFER = "chromium-offer.sdp";
    /** Chromium's answer to Confab's audio (Opus) and video (VP8 + RTX) offer, host candidates gathered. */
    static final String CHROMIUM_ANSWER = "chromium-answer.sdp";

    private Fixtures() {}

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parsed(String name) {
        try {
            return SessionDescription.parse(text(name));
        } catch (SdpParseException e) {
            throw new AssertionError(e);
        }
    }
}
