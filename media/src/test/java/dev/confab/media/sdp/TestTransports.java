package dev.confab.media.sdp;

import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.testkit.TestRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reproducible transports, codecs and media for the offer/answer tests: a seeded DTLS certificate per seed. */
final class TestTransports {
    static final RtpFormat OPUS = RtpFormat.of(111, RtpMap.of("opus", 48000, 2))
            .withParameters(FormatParameters.of(Map.of("minptime", "10")));
    static final RtpFormat VP8 = RtpFormat.of(96, RtpMap.of("VP8", 90000))
            .withFeedback(List.of(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI, RtcpFeedback.CCM_FIR));
    static final RtpFormat VP8_RTX = RtpFormat.rtx(97, 90000, 96);
    static final CodecChoice OPUS_VP8 = CodecChoice.byName("opus", "VP8", "rtx")
            .withFeedback(java.util.Set.of(RtcpFeedback.NACK, RtcpFeedback.NACK_PLI, RtcpFeedback.CCM_FIR));

    private TestTransports() {}

    /** A transport whose fingerprint is that of a certificate made from {@code seed}. */
    static LocalTransport transport(long seed) {
        DtlsCertificate certificate = DtlsCertificate.generate(TestRandom.seeded(seed),
                Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
        return new LocalTransport("cfb" + seed, "confabIcePasswordOf22+/" + seed, certificate.fingerprint());
    }

    /** Confab's audio (Opus) and video (VP8 with RTX) sections, sending a track each. */
    static List<LocalMedia> audioAndVideo() {
        return List.of(
                new LocalMedia(MediaDescription.AUDIO, "0", Direction.SENDRECV, List.of(OPUS),
                        List.of(Extmap.of(4, Extmap.MID_URI)),
                        Optional.of(new SendStream("confab", "mic", "confabcname", 1111, OptionalLong.empty()))),
                new LocalMedia(MediaDescription.VIDEO, "1", Direction.SENDRECV, List.of(VP8, VP8_RTX),
                        List.of(Extmap.of(4, Extmap.MID_URI)),
                        Optional.of(new SendStream("confab", "cam", "confabcname", 2222, OptionalLong.of(3333)))));
    }
}
