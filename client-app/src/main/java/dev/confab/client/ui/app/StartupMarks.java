package dev.confab.client.ui.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes when the app first reached a point ("sign-in-window", "contact-list") as a line "NAME EPOCH_MS UPTIME_MS"
 * (the wall clock, and the time since the JVM started), for the start-up benchmark, which compares the wall clock with
 * when it launched the process. Each name is written once; with no file, nothing is. Thread-safe.
 */
public final class StartupMarks {
    private static final Logger log = LoggerFactory.getLogger(StartupMarks.class);
    private final Path file;
    private final Set<String> written = new HashSet<>();

    public StartupMarks(Path file) {
        this.file = file;
    }

    public synchronized void reached(String name) {
        if (file == null || !written.add(name)) {
            return;
        }
        long now = System.currentTimeMillis();
        long uptime = now - ManagementFactory.getRuntimeMXBean().getStartTime();
        try {
            Files.writeString(file, name + " " + now + " " + uptime + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Cannot write the start-up mark to {}: {}", file, e.getMessage());
        }
    }
}
