package dev.confab.crypto.password;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format:
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, salt and hash in standard Base64 without
 * padding. Only version 19 (0x13) and no optional fields: exactly what {@link PasswordHasher} writes.
 *
 * <p>Immutable (arrays are copied in and out); safe to share between threads.
 */
final class PhcHash {

    static final int MIN_SALT_LENGTH = 8;
    static final int MAX_SALT_LENGTH = 64;
    static final int MIN_HASH_LENGTH = 16;
    static final int MAX_HASH_LENGTH = 64;

    private static final String NUMBER = "(0|[1-9][0-9]{0,8})";
    private static final String BASE64 = "([A-Za-z0-9+/]+)";
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=" + NUMBER + ",t=" + NUMBER + ",p=" + NUMBER + "\\$" + BASE64 + "\\$" + BASE64);

    private final Argon2Params params;
    private final byte[] salt;
    private final byte[] hash;

    PhcHash(Argon2Params params, byte[] salt, byte[] hash) {
        this.params = params;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /** Parses {@code encoded}; empty if it is not a well-formed Argon2id PHC string within the bounds. */
    static Optional<PhcHash> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Argon2Params params = new Argon2Params(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            byte[] salt = Base64.getDecoder().decode(m.group(4));
            byte[] hash = Base64.getDecoder().decode(m.group(5));
            if (salt.length < MIN_SALT_LENGTH || salt.length > MAX_SALT_LENGTH
                    || hash.length < MIN_HASH_LENGTH || hash.length > MAX_HASH_LENGTH) {
                return Optional.empty();
            }
            return Optional.of(new PhcHash(params, salt, hash));
        } catch (IllegalArgumentException e) {
            // Out-of-bounds parameters, or Base64 of an impossible length.
            return Optional.empty();
        }
    }

    String format() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    Argon2Params params() {
        return params;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] hash() {
        return hash.clone();
    }
}
