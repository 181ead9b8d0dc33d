package dev.confab.media.audio.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** How often this JVM's threads of a name went to sleep of their own accord, from Linux's /proc. Stateless. */
final class ThreadWakeUps {
    private static final Path TASKS = Path.of("/proc/self/task");

    private ThreadWakeUps() {}

    /** The voluntary context switches so far of the live threads named {@code name}, summed. */
    static long of(String name) {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            long sum = 0;
            for (Path task : tasks.toList()) {
                sum += switchesIfNamed(task, name);
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long switchesIfNamed(Path task, String name) throws IOException {
        try {
            if (!Files.readString(task.resolve("comm")).strip().equals(name)) {
                return 0;
            }
            List<String> status = Files.readAllLines(task.resolve("status"));
            return status.stream().filter(line -> line.startsWith("voluntary_ctxt_switches:"))
                    .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip()))
                    .findFirst().orElseThrow();
        } catch (NoSuchFileException e) {
            return 0; // the thread ended while we looked
        }
    }
}
