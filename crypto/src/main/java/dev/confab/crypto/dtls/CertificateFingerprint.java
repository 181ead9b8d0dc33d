package dev.confab.crypto.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The SHA-256 fingerprint of a DER-encoded certificate, as SDP carries it (RFC 8122 section 5):
 * {@code a=fingerprint:sha-256 AB:CD:...:EF}, 32 upper-case hex bytes separated by colons.
 *
 * <p>Only {@code sha-256} is spoken: it is what Chromium, Firefox and GStreamer send, and RFC 8122 forbids
 * weaker functions for new use. Immutable; safe to share between threads.
 */
public final class CertificateFingerprint {

    /** The hash function token of the SDP attribute. */
    public static final String HASH_FUNCTION = "sha-256";
    /** Length of a SHA-256 digest. */
    public static final int LENGTH = 32;
    /** Longest attribute text {@link #parse} looks at; a valid one is 120 characters. */
    public static final int MAX_TEXT_LENGTH = 256;

    private static final String ATTRIBUTE_PREFIX = "a=fingerprint:";
    private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private final byte[] digest;

    private CertificateFingerprint(byte[] digest) {
        this.digest = digest;
    }

    /** The fingerprint of a certificate given as its DER encoding. */
    public static CertificateFingerprint of(byte[] certificateDer) {
        Objects.requireNonNull(certificateDer, "certificateDer");
        try {
            return new CertificateFingerprint(MessageDigest.getInstance("SHA-256").digest(certificateDer));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A fingerprint from its 32 digest bytes (copied). */
    public static CertificateFingerprint ofDigest(byte[] digest32) {
        if (digest32 == null || digest32.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is " + LENGTH + " bytes");
        }
        return new CertificateFingerprint(digest32.clone());
    }

    /**
     * Parses an SDP fingerprint, either the attribute value ({@code sha-256 AB:CD:...}) or the whole line
     * ({@code a=fingerprint:sha-256 AB:CD:...}). The hash token is case-insensitive (RFC 8122 section 5); hex digits
     * of either case are accepted, because some stacks send lower case.
     *
     * @throws FingerprintFormatException saying what is wrong, for anything else
     */
    public static CertificateFingerprint parse(String text) {
        if (text == null) {
            throw new FingerprintFormatException("no fingerprint");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new FingerprintFormatException("fingerprint longer than " + MAX_TEXT_LENGTH + " characters");
        }
        String value = text.strip();
        if (value.regionMatches(true, 0, ATTRIBUTE_PREFIX, 0, ATTRIBUTE_PREFIX.length())) {
            value = value.substring(ATTRIBUTE_PREFIX.length());
        }
        int space = value.indexOf(' ');
        if (space < 0) {
            throw new FingerprintFormatException("fingerprint needs a hash function and a value separated by a space");
        }
        String hashFunction = value.substring(0, space).toLowerCase(Locale.ROOT);
        if (!hashFunction.equals(HASH_FUNCTION)) {
            throw new FingerprintFormatException("unsupported fingerprint hash function '"
                    + printable(value.substring(0, space)) + "', only " + HASH_FUNCTION + " is accepted");
        }
        String hex = value.substring(space + 1).strip();
        if (hex.length() != LENGTH * 3 - 1) {
            throw new FingerprintFormatException("a " + HASH_FUNCTION + " fingerprint is " + LENGTH
                    + " colon-separated hex bytes (" + (LENGTH * 3 - 1) + " characters), got " + hex.length());
        }
        try {
            return new CertificateFingerprint(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new FingerprintFormatException("fingerprint is not colon-separated hex bytes");
        }
    }

    /** The attribute value for SDP: {@code sha-256 AB:CD:...}. */
    public String toSdpValue() {
        return HASH_FUNCTION + " " + HEX.formatHex(digest);
    }

    /** The 32 digest bytes; a copy. */
    public byte[] digest() {
        return digest.clone();
    }

    /** Whether this is the fingerprint of {@code certificateDer}, compared in constant time. */
    public boolean matches(byte[] certificateDer) {
        return MessageDigest.isEqual(digest, of(certificateDer).digest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateFingerprint that && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return toSdpValue();
    }

    private static String printable(String token) {
        String shortened = token.length() > 16 ? token.substring(0, 16) + "..." : token;
        return shortened.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
