package dev.confab.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.confab.media.sdp.SdpParseException.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Malformed descriptions fail with the reason and the line that is wrong, never with anything unchecked. */
class SdpParserRejectsTest {
    /** Lines 1-4 are the session, 5 the group; the audio section starts at line 6. */
    static final String VALID = """
            v=0
            o=- 1 1 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0
            m=audio 9 UDP/TLS/RTP/SAVPF 111
            c=IN IP4 0.0.0.0
            a=mid:0
            a=rtpmap:111 opus/48000/2
            """;

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", "", Reason.MISSING_LINE, 0),
                Arguments.of("version 1", VALID.replace("v=0", "v=1"), Reason.UNSUPPORTED_VERSION, 1),
                Arguments.of("no origin", VALID.replace("o=- 1 1 IN IP4 127.0.0.1\n", ""), Reason.MISSING_LINE, 2),
                Arguments.of("origin id not digits", VALID.replace("o=- 1 1", "o=- x 1"), Reason.BAD_ORIGIN, 2),
                Arguments.of("origin of 5 fields", VALID.replace(" 127.0.0.1", ""), Reason.BAD_ORIGIN, 2),
                Arguments.of("no timing", VALID.replace("t=0 0\n", ""), Reason.MISSING_LINE, 0),
                Arguments.of("timing of one field", VALID.replace("t=0 0", "t=0"), Reason.BAD_TIMING, 4),
                Arguments.of("unknown line type", VALID.replace("s=-\n", "s=-\nx=1\n"), Reason.UNKNOWN_LINE_TYPE, 4),
                Arguments.of("space before type", VALID.replace("a=mid:0", " a=mid:0"), Reason.MALFORMED_LINE, 8),
                Arguments.of("no equals sign", VALID.replace("a=mid:0", "a mid:0"), Reason.MALFORMED_LINE, 8),
                Arguments.of("upper-case type", VALID.replace("a=mid:0", "A=mid:0"), Reason.MALFORMED_LINE, 8),
                Arguments.of("empty line", VALID.replace("s=-\n", "s=-\n\n"), Reason.MALFORMED_LINE, 4),
                Arguments.of("NUL", VALID.replace("a=mid:0", "a=mid:\u00000"), Reason.MALFORMED_LINE, 8),
                Arguments.of("lone CR", VALID.replace("a=mid:0", "a=mid:\r0"), Reason.MALFORMED_LINE, 8),
                Arguments.of("second origin", VALID.replace("t=0 0", "t=0 0\no=- 2 2 IN IP4 1.1.1.1"),
                        Reason.MISPLACED_LINE, 5),
                Arguments.of("s= in a media section", VALID + "s=x\n", Reason.MISPLACED_LINE, 10),
                Arguments.of("two c= in a section", VALID + "c=IN IP4 1.2.3.4\n", Reason.MISPLACED_LINE, 10),
                Arguments.of("bad c=", VALID.replace("c=IN IP4 0.0.0.0", "c=IN IP4"), Reason.BAD_CONNECTION, 7),
                Arguments.of("m= without formats", VALID.replace(" 111\n", "\n"), Reason.BAD_MEDIA_LINE, 6),
                Arguments.of("port out of range", VALID.replace("audio 9", "audio 70000"), Reason.BAD_MEDIA_LINE, 6),
                Arguments.of("payload type 300", VALID.replace("SAVPF 111", "SAVPF 300"), Reason.BAD_MEDIA_LINE, 6),
                Arguments.of("payload type 0111", VALID.replace("SAVPF 111", "SAVPF 0111"), Reason.BAD_MEDIA_LINE, 6),
                Arguments.of("two spaces", VALID.replace("audio 9", "audio  9"), Reason.BAD_MEDIA_LINE, 6),
                Arguments.of("format twice", VALID.replace("SAVPF 111", "SAVPF 111 111"), Reason.BAD_MEDIA_LINE, 6),
                Arguments.of("mid twice", VALID + "a=mid:1\n", Reason.DUPLICATE_ATTRIBUTE, 10),
                Arguments.of("two directions", VALID + "a=sendonly\na=recvonly\n", Reason.DUPLICATE_ATTRIBUTE, 11),
                Arguments.of("rtpmap twice", VALID + "a=rtpmap:111 opus/48000/2\n", Reason.DUPLICATE_ATTRIBUTE, 10),
                Arguments.of("rtpmap type not a number", VALID + "a=rtpmap:x opus/1\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("rtpmap without rate", VALID.replace("opus/48000/2", "opus"), Reason.BAD_ATTRIBUTE, 9),
                Arguments.of("rtpmap without value", VALID.replace("111 opus/48000/2", "111"),
                        Reason.BAD_ATTRIBUTE, 9),
                Arguments.of("fmtp with nothing", VALID + "a=fmtp:111 \n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("fingerprint not hex", VALID + "a=fingerprint:sha-256 ZZ:00\n", Reason.BAD_FINGERPRINT, 10),
                Arguments.of("setup sideways", VALID + "a=setup:sideways\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("setup with space", VALID + "a=setup: active\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("ufrag too short", VALID + "a=ice-ufrag:abc\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("pwd with a colon", VALID + "a=ice-pwd:0123456789012345678901:\n", Reason.BAD_ATTRIBUTE,
                        10),
                Arguments.of("ice-ufrag twice", VALID + "a=ice-ufrag:abcd\na=ice-ufrag:abcd\n",
                        Reason.DUPLICATE_ATTRIBUTE, 11),
                Arguments.of("candidate without typ", VALID + "a=candidate:1 1 udp 1 1.2.3.4 5 host\n",
                        Reason.BAD_CANDIDATE, 10),
                Arguments.of("flag with a value", VALID + "a=rtcp-mux:yes\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("mid not a token", VALID.replace("a=mid:0", "a=mid:a b"), Reason.BAD_ATTRIBUTE, 8),
                Arguments.of("extmap id 0", VALID + "a=extmap:0 urn:x\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("extmap bad direction", VALID + "a=extmap:1/up urn:x\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("SSRC above 2^32", VALID + "a=ssrc:4294967296 cname:x\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("ssrc-group empty", VALID + "a=ssrc-group:FID\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("attribute without name", VALID + "a=\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("attribute name not a token", VALID + "a=x y:1\n", Reason.BAD_ATTRIBUTE, 10),
                Arguments.of("group without semantics", VALID.replace("group:BUNDLE 0", "group:"),
                        Reason.BAD_ATTRIBUTE, 5),
                Arguments.of("rtcp port word", VALID + "a=rtcp:nine\n", Reason.BAD_ATTRIBUTE, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void failsWithTheReasonAndLine(String name, String text, Reason reason, int line) {
        SdpParseException e = catchThrowableOfType(SdpParseException.class, () -> SessionDescription.parse(text));

        assertThat(e).as(name).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.lineNumber()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).contains(reason.name());
    }

    @Test
    void theValidBaseParses() throws Exception {
        assertThat(SessionDescription.parse(VALID).media()).hasSize(1);
    }

    @Test
    void theMessageQuotesTheLinePrintablyAndShortened() {
        String text = VALID + "a=rtpmap:x " + "y".repeat(200) + "\u0001\n";

        SdpParseException e = catchThrowableOfType(SdpParseException.class, () -> SessionDescription.parse(text));

        assertThat(e.getMessage()).startsWith("invalid SDP at line 10 'a=rtpmap:x yyy").contains("...': ")
                .doesNotContain("\u0001").hasSizeLessThan(200);
    }

    @Test
    void textLongerThanTheLimitIsRefusedBeforeItIsRead() {
        String text = VALID + "a=x:" + "y".repeat(SdpLimits.MAX_CHARS) + "\n";

        assertThat(catchThrowableOfType(SdpParseException.class, () -> SessionDescription.parse(text)).reason())
                .isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void tooManyLinesAreRefused() {
        String text = VALID + "a=x\n".repeat(SdpLimits.MAX_LINES);

        SdpParseException e = catchThrowableOfType(SdpParseException.class, () -> SessionDescription.parse(text));

        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_LINES);
    }

    @Test
    void tooManyMediaSectionsAreRefused() {
        String text = VALID + "m=audio 9 RTP/AVP 0\n".repeat(SdpLimits.MAX_MEDIA);

        SdpParseException e = catchThrowableOfType(SdpParseException.class, () -> SessionDescription.parse(text));

        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_MEDIA);
        assertThat(e.lineNumber()).isEqualTo(10 + SdpLimits.MAX_MEDIA - 1);
    }
}
