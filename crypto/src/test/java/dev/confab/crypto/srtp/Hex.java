package dev.confab.crypto.srtp;

import java.util.HexFormat;

/** Hex as the RFCs print it, with spaces and line breaks. Stateless. */
final class Hex {
    private Hex() {}

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT));
    }

    static String of(byte[] bytes, int off, int len) {
        return HexFormat.of().formatHex(bytes, off, off + len);
    }
}
