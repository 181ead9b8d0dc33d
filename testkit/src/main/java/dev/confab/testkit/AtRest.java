package dev.confab.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for secrets in data at rest — a server database, its WAL, a log, a client store — byte for byte, whatever
 * the file's format. Stateless and thread-safe.
 */
public final class AtRest {
    private AtRest() {}

    /** Whether {@code needle} occurs in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether the UTF-8 bytes of {@code needle} occur in {@code haystack}. */
    public static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, needle.getBytes(StandardCharsets.UTF_8));
    }

    /** The named files of {@code dir} one after another (missing ones are skipped), each followed by a zero byte. */
    public static byte[] filesIn(Path dir, String... names) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String name : names) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                all.writeBytes(read(file));
                all.write(0);
            }
        }
        return all.toByteArray();
    }

    /** The regular files directly in {@code dir} whose bytes contain {@code needle}. */
    public static List<Path> filesContaining(Path dir, byte[] needle) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(read(f), needle)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
