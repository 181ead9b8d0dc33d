package dev.confab.crypto.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The safety number two people read to each other to check that each holds the other's real identity keys,
 * in the shape Signal uses: 60 digits in 12 groups of 5.
 *
 * <p>Derivation, version 1. For each user separately:
 * <ol>
 *   <li>Take the user's device identity keys (32-byte Ed25519 public keys) as a set: drop duplicates and sort
 *       them bytewise, unsigned.</li>
 *   <li>Let {@code D = "confab-safety-number-v1" || u32(len(id)) || id || u32(n) || key_1 || ... || key_n}, with
 *       {@code id} the user id in UTF-8, {@code n} the number of keys, and {@code u32} four big-endian bytes.</li>
 *   <li>{@code H_1 = SHA-512(D)}, then {@code H_i = SHA-512(H_(i-1) || D)} up to {@code H_5200}. The iterations
 *       make a brute-force search for a key set with a colliding number slower, as in Signal.</li>
 *   <li>Split the first 30 bytes of {@code H_5200} into six 5-byte big-endian integers; write each modulo 100000
 *       as 5 digits with leading zeros: the user's 30-digit half.</li>
 * </ol>
 * The safety number is the two halves in ascending order, concatenated, so both sides get the same number
 * whichever of them is A; it is formatted as 12 groups of 5 digits separated by single spaces. Any added, removed
 * or changed key of either user changes it.
 *
 * <p>Stateless; safe to call from any thread.
 */
public final class SafetyNumber {

    private static final byte[] LABEL = "confab-safety-number-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int ITERATIONS = 5200;
    private static final int CHUNKS_PER_USER = 6;
    private static final int CHUNK_BYTES = 5;
    private static final int CHUNK_MODULUS = 100_000;

    private SafetyNumber() {
    }

    /**
     * The safety number between user A, whose devices have {@code identityKeysA}, and user B.
     *
     * @throws IllegalArgumentException if a key list is empty or a key is not 32 bytes
     */
    public static String of(String userIdA, List<byte[]> identityKeysA, String userIdB, List<byte[]> identityKeysB) {
        String halfA = half(userIdA, identityKeysA);
        String halfB = half(userIdB, identityKeysB);
        String digits = halfA.compareTo(halfB) <= 0 ? halfA + halfB : halfB + halfA;
        StringBuilder grouped = new StringBuilder(digits.length() + digits.length() / CHUNK_BYTES);
        for (int i = 0; i < digits.length(); i += CHUNK_BYTES) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(digits, i, i + CHUNK_BYTES);
        }
        return grouped.toString();
    }

    /** The safety number between two users with one device each. */
    public static String of(String userIdA, byte[] identityKeyA, String userIdB, byte[] identityKeyB) {
        return of(userIdA, List.of(identityKeyA), userIdB, List.of(identityKeyB));
    }

    private static String half(String userId, List<byte[]> identityKeys) {
        byte[] data = encode(userId, sortedDistinct(identityKeys));
        MessageDigest sha512 = sha512();
        byte[] hash = sha512.digest(data);
        for (int i = 1; i < ITERATIONS; i++) {
            sha512.update(hash);
            hash = sha512.digest(data);
        }
        StringBuilder digits = new StringBuilder(CHUNKS_PER_USER * CHUNK_BYTES);
        for (int chunk = 0; chunk < CHUNKS_PER_USER; chunk++) {
            long value = 0;
            for (int i = 0; i < CHUNK_BYTES; i++) {
                value = (value << 8) | (hash[chunk * CHUNK_BYTES + i] & 0xFF);
            }
            digits.append(String.format("%05d", value % CHUNK_MODULUS));
        }
        return digits.toString();
    }

    private static SortedSet<byte[]> sortedDistinct(List<byte[]> identityKeys) {
        Objects.requireNonNull(identityKeys, "identityKeys");
        if (identityKeys.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one identity key");
        }
        SortedSet<byte[]> sorted = new TreeSet<>(Arrays::compareUnsigned);
        for (byte[] key : identityKeys) {
            Objects.requireNonNull(key, "identity key");
            if (key.length != IdentityKeyPair.PUBLIC_KEY_LENGTH) {
                throw new IllegalArgumentException(
                        "identity key must be " + IdentityKeyPair.PUBLIC_KEY_LENGTH + " bytes, got " + key.length);
            }
            sorted.add(key.clone());
        }
        return sorted;
    }

    private static byte[] encode(String userId, SortedSet<byte[]> sortedKeys) {
        byte[] id = Objects.requireNonNull(userId, "userId").getBytes(StandardCharsets.UTF_8);
        ByteBuffer data = ByteBuffer.allocate(
                LABEL.length + Integer.BYTES + id.length + Integer.BYTES
                        + sortedKeys.size() * IdentityKeyPair.PUBLIC_KEY_LENGTH);
        data.put(LABEL).putInt(id.length).put(id).putInt(sortedKeys.size());
        sortedKeys.forEach(data::put);
        return data.array();
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-512", e);
        }
    }
}
