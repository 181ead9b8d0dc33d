package dev.confab.crypto.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes account passwords with Argon2id (RFC 9106, Bouncy Castle) and checks them, for the server.
 *
 * <p>{@link #hash} writes a PHC string, {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, with a
 * 16-byte random salt and a 32-byte hash, both in standard Base64 without padding: the format of the reference
 * implementation, so stored hashes can move to another Argon2 library. Passwords are encoded as UTF-8 (an unpaired
 * surrogate becomes {@code '?'}). Each call to {@link #hash} or {@link #verify} takes the memory and time its
 * parameters say; the caller limits how many run at once.
 *
 * <p>Immutable and safe to share between threads: each hash uses its own generator, and {@link SecureRandom} is
 * thread-safe.
 */
public final class PasswordHasher {

    /** Length of the salt {@link #hash} draws. */
    public static final int SALT_LENGTH = 16;
    /** Length of the hash {@link #hash} writes. */
    public static final int HASH_LENGTH = 32;

    private final Argon2Params params;
    private final SecureRandom random;

    /** A hasher that writes new hashes with {@code params}, salted from {@code random}. */
    public PasswordHasher(Argon2Params params, SecureRandom random) {
        this.params = Objects.requireNonNull(params, "params");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Hashes {@code password} with a fresh salt; returns the PHC string to store. The caller wipes the array. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return new PhcHash(params, salt, derive(password, salt, params, HASH_LENGTH)).format();
    }

    /**
     * Whether {@code password} matches {@code encoded}, hashed with the parameters written in {@code encoded}.
     * The comparison takes the same time wherever the hashes differ.
     *
     * @return false, never an exception, when {@code encoded} is not a well-formed Argon2id PHC string
     */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        Optional<PhcHash> stored = PhcHash.parse(encoded);
        if (stored.isEmpty()) {
            return false;
        }
        byte[] expected = stored.get().hash();
        byte[] actual = derive(password, stored.get().salt(), stored.get().params(), expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /**
     * Whether {@code encoded} should be replaced by a new {@link #hash} after the next successful
     * {@link #verify}: true if its parameters, salt length or hash length differ from this hasher's, or if it
     * cannot be parsed.
     */
    public boolean needsRehash(String encoded) {
        return PhcHash.parse(encoded)
                .map(stored -> !stored.params().equals(params)
                        || stored.salt().length != SALT_LENGTH
                        || stored.hash().length != HASH_LENGTH)
                .orElse(true);
    }

    private static byte[] derive(char[] password, byte[] salt, Argon2Params params, int length) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] passwordBytes = new byte[encoded.remaining()];
        encoded.get(passwordBytes);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return argon2id(passwordBytes, salt, new byte[0], new byte[0], params, length);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    /**
     * Raw Argon2id, version 0x13, with the optional secret {@code K} and associated data {@code X} of RFC 9106
     * section 3.1 (empty for password hashes; present so the RFC's test vector can be checked through here).
     */
    static byte[] argon2id(
            byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Argon2Params params, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKiB())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(salt)
                .withSecret(secret)
                .withAdditional(associatedData)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
