package dev.confab.protocol.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

/** The frame limit: the default, and a larger one a server configures, which must govern. */
class WsCodecTest {
    private static String ping(int padding) {
        return "{\"type\":\"ping\",\"id\":\"p\",\"pad\":\"" + "x".repeat(padding) + "\"}";
    }

    @Test
    void framesOverTheDefaultLimitAreTooLarge() {
        assertThat(WsCodec.decodeClient(ping(200_000))).isInstanceOfSatisfying(WsCodec.Decoded.Rejected.class,
                r -> assertThat(r.error().code()).isEqualTo(ErrorCode.TOO_LARGE));
        assertThat(WsCodec.decodeClient(ping(100_000))).isInstanceOf(WsCodec.Decoded.Ok.class);
    }

    @Test
    void aLargerConfiguredLimitGoverns() {
        assertThat(WsCodec.decodeClient(ping(200_000), 256 * 1024)).isInstanceOf(WsCodec.Decoded.Ok.class);
        assertThat(WsCodec.decodeClient(ping(300_000), 256 * 1024)).isInstanceOfSatisfying(WsCodec.Decoded.Rejected.class,
                r -> assertThat(r.error().code()).isEqualTo(ErrorCode.TOO_LARGE));
    }

    @Test
    void theLimitCountsUtf8Bytes() {
        String multibyte = "{\"type\":\"ping\",\"id\":\"p\",\"pad\":\"" + "\u00e9".repeat(600) + "\"}";
        assertThat(WsCodec.decodeClient(multibyte, 1024)).isInstanceOf(WsCodec.Decoded.Rejected.class);
        assertThat(WsCodec.decodeClient(multibyte, 2048)).isInstanceOf(WsCodec.Decoded.Ok.class);
    }
}
