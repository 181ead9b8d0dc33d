package dev.confab.media.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of RTCP text (SDES items, BYE reasons). Stateless. */
final class Utf8 {
    private Utf8() {}

    /** The text of {@code buf[at, at + len)}, or null if it is not well-formed UTF-8. */
    static String decode(byte[] buf, int at, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, at, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
