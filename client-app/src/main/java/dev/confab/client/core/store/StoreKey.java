package dev.confab.client.core.store;

import dev.confab.crypto.store.StoreCipher;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The local store's 32-byte AES key, kept in {@code store.key}, readable by the owner only (0600).
 *
 * <p>Decision: the key is random and lives in an OS-protected file rather than being derived from the account
 * password, so the CLI works in scripts without prompting and the password is never stored anywhere. What this
 * protects against: the store file copied alone (a backup, a sync folder, a bug report) reveals nothing, and rows
 * cannot be altered or swapped unnoticed. What it does not: someone who can read the owner's files reads both.
 * Stateless helper; safe from any thread.
 */
public final class StoreKey {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private StoreKey() {}

    /** Reads the key, or makes a new one when neither key nor database exist yet. */
    public static byte[] loadOrCreate(Profile profile, SecureRandom random) {
        Path file = profile.keyFile();
        if (Files.exists(file)) {
            return read(file);
        }
        if (profile.exists()) {
            throw new StoreException("The profile's store key " + file + " is missing, so its store "
                    + profile.database() + " cannot be read. Restore the key, or remove the profile directory to start afresh.");
        }
        byte[] key = StoreCipher.newKey(random);
        try {
            if (Profile.posix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.write(file, key, StandardOpenOption.TRUNCATE_EXISTING);
            return key;
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (IOException e) {
            throw new StoreException("Cannot write the store key " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            if (Profile.posix()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != StoreCipher.KEY_LENGTH) {
                throw new StoreException("The store key " + file + " is damaged (" + key.length + " bytes, expected "
                        + StoreCipher.KEY_LENGTH + ").");
            }
            return key;
        } catch (IOException e) {
            throw new StoreException("Cannot read the store key " + file + ": " + e.getMessage(), e);
        }
    }
}
