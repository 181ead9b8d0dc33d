package dev.confab.media.rtp.rtx;

import java.util.HexFormat;

/** Test bytes written as commented hex: whitespace and {@code #...} comments to the end of a line are ignored. */
final class Hex {
    private Hex() {}

    static byte[] bytes(String commented) {
        return HexFormat.of().parseHex(commented.replaceAll("#[^\\n]*", "").replaceAll("\\s", ""));
    }
}
