package dev.confab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How every benchmark driver ends: its Markdown table printed, and written to a file under {@code bench/target}. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Prints {@code table} and writes it, with a final newline, to {@code file} (making its directory). */
    public static void publish(String table, Path file) throws IOException {
        System.out.println();
        System.out.println(table);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, table + "\n");
        System.out.println("\n(also written to " + file + ")");
    }
}
