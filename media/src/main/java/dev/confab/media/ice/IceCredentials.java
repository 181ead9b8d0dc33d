package dev.confab.media.ice;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One side's ICE username fragment and password (RFC 8445 section 5.3), as {@code a=ice-ufrag} and
 * {@code a=ice-pwd} carry them. A new pair is made for every ICE restart. Immutable.
 *
 * @param ufrag 4 to 256 ice-chars; made with at least 24 bits of randomness
 * @param pwd   22 to 256 ice-chars; made with at least 128 bits of randomness
 */
public record IceCredentials(String ufrag, String pwd) {
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    /** 8 chars of 6 bits: 48 bits, twice the minimum, as browsers do. */
    static final int UFRAG_LENGTH = 8;
    /** 24 chars of 6 bits: 144 bits. */
    static final int PWD_LENGTH = 24;

    public IceCredentials {
        check("ufrag", ufrag, 4);
        check("pwd", pwd, 22);
    }

    /** Fresh random credentials. */
    public static IceCredentials generate(RandomGenerator random) {
        return new IceCredentials(randomChars(random, UFRAG_LENGTH), randomChars(random, PWD_LENGTH));
    }

    /** Fresh credentials from a new {@link SecureRandom}. */
    public static IceCredentials generate() {
        return generate(new SecureRandom());
    }

    /** The USERNAME of a check this side sends to a peer: {@code <peer ufrag>:<own ufrag>} (section 7.2.2). */
    String outgoingUsername(IceCredentials remote) {
        return remote.ufrag + ":" + ufrag;
    }

    /** The USERNAME this side expects in checks it receives: {@code <own ufrag>:<peer ufrag>}. */
    String incomingUsername(IceCredentials remote) {
        return ufrag + ":" + remote.ufrag;
    }

    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + ", pwd=<hidden>]";
    }

    private static String randomChars(RandomGenerator random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
        }
        return out.toString();
    }

    private static void check(String name, String value, int minLength) {
        Objects.requireNonNull(value, name);
        if (value.length() < minLength || value.length() > 256) {
            throw new IllegalArgumentException(name + " must be " + minLength + " to 256 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (ICE_CHARS.indexOf(value.charAt(i)) < 0) {
                throw new IllegalArgumentException(name + " has a character outside ALPHA / DIGIT / + / /");
            }
        }
    }
}
