package dev.confab.testkit.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A long-running process inside a network namespace ({@code ip netns exec NS command...}) with a line-based control
 * channel: {@link #send} writes a line to its stdin, {@link #awaitLine} waits for a stdout line that matches. Stdout is
 * kept in memory (bounded: the oldest unread lines are dropped past 100,000, and the last 200 are kept for failure
 * messages); stderr goes to a file. {@link #close()} closes stdin, sends SIGTERM and, after 5 s, SIGKILL to the process
 * and its descendants. Thread-safe: one thread may send while another awaits.
 */
public final class NamespaceProcess implements AutoCloseable {
    private static final int MAX_UNREAD = 100_000;
    private static final int HISTORY = 200;

    private final List<String> command;
    private final Path dir;
    private final Process process;
    private final Writer stdin;
    private final ArrayDeque<String> unread = new ArrayDeque<>();
    private final ArrayDeque<String> history = new ArrayDeque<>();
    private long droppedLines;
    private boolean stdoutEnded;

    private NamespaceProcess(List<String> command, Path dir, Process process) {
        this.command = List.copyOf(command);
        this.dir = dir;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readStdout, "ns-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} inside {@code namespace}, which must exist. */
    public static NamespaceProcess start(String namespace, List<String> command) {
        return start(LabTools.require(), namespace, command);
    }

    static NamespaceProcess start(LabTools tools, String namespace, List<String> command) {
        List<String> full = tools.inNamespace(namespace, command);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("confab-ns-proc-");
            Process process = new ProcessBuilder(full).redirectError(dir.resolve("stderr.log").toFile()).start();
            return new NamespaceProcess(full, dir, process);
        } catch (IOException e) {
            if (dir != null) {
                deleteDir(dir);
            }
            throw new UncheckedIOException("Cannot start " + String.join(" ", full), e);
        }
    }

    /** Writes one line (a newline is added) to the process's stdin. */
    public void send(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("One line at a time: " + line);
        }
        synchronized (stdin) {
            try {
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write to the process (" + e.getMessage() + "): " + describe(), e);
            }
        }
    }

    /**
     * Waits for the next stdout line that {@code match} accepts and returns it; lines before it are consumed. Fails
     * with the process's recent output and stderr if the timeout passes or the process closes its stdout first.
     */
    public String awaitLine(Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (unread) {
            while (true) {
                while (!unread.isEmpty()) {
                    String line = unread.poll();
                    if (match.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (stdoutEnded || left <= 0) {
                    throw new IllegalStateException((stdoutEnded ? "The process ended its output" : "No matching line within "
                            + timeout.toMillis() + " ms") + ": " + describe());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(unread, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for output of " + command, e);
                }
            }
        }
    }

    /** {@link #send} then {@link #awaitLine}: one command and its reply. */
    public String request(String line, Predicate<String> reply, Duration timeout) {
        send(line);
        return awaitLine(reply, timeout);
    }

    /** The last 200 stdout lines, oldest first. */
    public List<String> recentOutput() {
        synchronized (unread) {
            return List.copyOf(history);
        }
    }

    /** The last {@code lines} lines the process wrote to stderr. */
    public String stderrTail(int lines) {
        try {
            List<String> all = Files.readAllLines(dir.resolve("stderr.log"), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(stderr not readable: " + e.getMessage() + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The command, whether it still runs, and its recent stdout and stderr: for failure messages. */
    public String describe() {
        String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
        synchronized (unread) {
            return String.join(" ", command) + " [" + state + (droppedLines > 0 ? ", " + droppedLines + " unread lines dropped" : "")
                    + "]\n--- recent stdout ---\n" + String.join("\n", history)
                    + "\n--- stderr ---\n" + stderrTail(40);
        }
    }

    @Override
    public void close() {
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException e) {
            // The process may already be gone; it is killed below either way.
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        deleteDir(dir);
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (unread) {
                    if (unread.size() == MAX_UNREAD) {
                        unread.poll();
                        droppedLines++;
                    }
                    unread.add(line);
                    if (history.size() == HISTORY) {
                        history.poll();
                    }
                    history.add(line);
                    unread.notifyAll();
                }
            }
        } catch (IOException e) {
            // The stream closes when the process ends or is killed.
        } finally {
            synchronized (unread) {
                stdoutEnded = true;
                unread.notifyAll();
            }
        }
    }

    private static void deleteDir(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
