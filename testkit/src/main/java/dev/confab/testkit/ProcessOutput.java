package dev.confab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads what a child process wrote to its log file, so a failing test can show why. Thread-safe. */
final class ProcessOutput {
    private ProcessOutput() {}

    /** The last {@code lines} lines of a log file, or a note that it is missing. */
    static String tail(Path log, int lines) {
        if (!Files.exists(log)) {
            return "(no output at " + log + ")";
        }
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
