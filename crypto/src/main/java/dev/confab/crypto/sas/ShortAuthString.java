package dev.confab.crypto.sas;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The short authentication string of one DTLS handshake: four words, or four emoji, that both callers see and can
 * compare by voice, as ZRTP does (RFC 6189 section 7). Both come from {@value #EXPORTER_LENGTH} bytes of the RFC
 * 5705 exporter under {@value #EXPORTER_LABEL}, so they are equal on both sides of one handshake and unrelated
 * across handshakes; a man in the middle runs two handshakes and shows each side a different string.
 *
 * <p>Entropy: the words carry 32 bits (4 x 8, from exporter bytes 0-3) and the emoji 24 bits (4 x 6, from bytes
 * 4-6). DTLS, unlike ZRTP, has no hash commitment: a man in the middle contributes last (its ClientKeyExchange) to
 * the handshake in which it is the client, so once it knows the other handshake's string it can grind ECDHE shares
 * until the strings match, for as long as the peer's handshake timeout allows. Stepping the share by point
 * additions makes a try cost microseconds: 2^24 tries (the emoji) fit in that window on one machine, 2^32 (the
 * words) needs hundreds of times more. So the words are the form to compare when it matters, and the signed
 * fingerprint binding, not the string, is the primary defence.
 *
 * <p>Immutable; safe to share between threads.
 *
 * @param words four words from Confab's 256-word list
 * @param emoji four pictures from Confab's 64-emoji table
 */
public record ShortAuthString(List<String> words, List<SasEmoji> emoji) {

    /**
     * The exporter label. RFC 5705 section 4 reserves labels starting with {@code EXPERIMENTAL} for private use
     * without registration; the version suffix lets the derivation change without ambiguity.
     */
    public static final String EXPORTER_LABEL = "EXPERIMENTAL-confab-sas-v1";
    /** Exporter bytes {@link #fromExporterOutput} takes. */
    public static final int EXPORTER_LENGTH = 7;
    /** How many words and how many emoji. */
    public static final int SYMBOLS = 4;

    public ShortAuthString {
        words = List.copyOf(words);
        emoji = List.copyOf(emoji);
        if (words.size() != SYMBOLS || emoji.size() != SYMBOLS) {
            throw new IllegalArgumentException("a short authentication string has " + SYMBOLS + " words and emoji");
        }
    }

    /**
     * The string for {@value #EXPORTER_LENGTH} exporter bytes: byte i (0-3) picks word i; bytes 4-6, read as a
     * 24-bit big-endian number, give the emoji as four 6-bit indices, most significant first.
     */
    public static ShortAuthString fromExporterOutput(byte[] exported) {
        Objects.requireNonNull(exported, "exported");
        if (exported.length != EXPORTER_LENGTH) {
            throw new IllegalArgumentException("need " + EXPORTER_LENGTH + " exporter bytes");
        }
        List<String> words = new ArrayList<>(SYMBOLS);
        for (int i = 0; i < SYMBOLS; i++) {
            words.add(SasWords.WORDS.get(exported[i] & 0xff));
        }
        int bits = (exported[4] & 0xff) << 16 | (exported[5] & 0xff) << 8 | (exported[6] & 0xff);
        List<SasEmoji> emoji = new ArrayList<>(SYMBOLS);
        for (int i = SYMBOLS - 1; i >= 0; i--) {
            emoji.add(SasEmoji.TABLE.get(bits >>> (6 * i) & 0x3f));
        }
        return new ShortAuthString(words, emoji);
    }

    /** The words separated by spaces: {@code "amber rocket lion toast"}. */
    public String wordText() {
        return String.join(" ", words);
    }

    /** The emoji separated by spaces. */
    public String emojiText() {
        return String.join(" ", emoji.stream().map(SasEmoji::symbol).toList());
    }
}
