package dev.confab.testkit.net;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Java main class running inside a network namespace, on the test's own classpath and JDK
 * ({@code ip netns exec NS <java.home>/bin/java -cp <java.class.path> Main args...}): a JVM cannot enter a namespace,
 * so code that must live inside a lab host runs here. It is driven over a line-based control channel on its stdin and
 * stdout (see {@link ControlLoop} for the child's side); its stderr is kept for failure messages. {@link #close()}
 * kills it. Thread-safe: one thread may send while another awaits.
 */
public final class NamespaceJvm implements AutoCloseable {
    /** Options for a child JVM: small and quick to start. */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto");

    private final NamespaceProcess process;

    private NamespaceJvm(NamespaceProcess process) {
        this.process = process;
    }

    /** Starts {@code mainClass} in {@code namespace}, which must exist, with {@link #JVM_OPTIONS}. */
    public static NamespaceJvm start(String namespace, Class<?> mainClass, String... args) {
        return start(LabTools.require(), namespace, mainClass.getName(), JVM_OPTIONS, List.of(args));
    }

    /**
     * Starts {@code mainClass} in {@code namespace} with these JVM options instead of {@link #JVM_OPTIONS}: for a child
     * whose speed is measured, which wants the optimizing compiler.
     */
    public static NamespaceJvm start(String namespace, List<String> jvmOptions, Class<?> mainClass, String... args) {
        return start(LabTools.require(), namespace, mainClass.getName(), jvmOptions, List.of(args));
    }

    static NamespaceJvm start(LabTools tools, String namespace, String mainClass, List<String> jvmOptions,
            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return new NamespaceJvm(NamespaceProcess.start(tools, namespace, command));
    }

    /** Sends one command line to the child. */
    public void send(String line) {
        process.send(line);
    }

    /** Waits for the next line the child prints that {@code match} accepts; fails with its output and stderr. */
    public String awaitLine(Predicate<String> match, Duration timeout) {
        try {
            return process.awaitLine(match, timeout);
        } catch (IllegalStateException e) {
            throw withThreads(e);
        }
    }

    /**
     * Sends {@code command} and returns the child's reply, the next line it prints; fails if that line starts with
     * {@link ControlLoop#ERROR}, or with the child's output and stderr if none comes within {@code timeout} (allow a
     * few seconds for the first request: it includes the JVM's start).
     */
    public String request(String command, Duration timeout) {
        String reply;
        try {
            reply = process.request(command, _ -> true, timeout);
        } catch (IllegalStateException e) {
            throw withThreads(e);
        }
        if (reply.startsWith(ControlLoop.ERROR)) {
            throw new IllegalStateException("'" + command + "' failed in the child: " + reply);
        }
        return reply;
    }

    /** The last {@code lines} lines of the child's stderr. */
    public String stderrTail(int lines) {
        return process.stderrTail(lines);
    }

    /**
     * The command line, state, recent output and stderr, and while it runs its threads' stacks: for failure messages,
     * so that a child that hangs says where.
     */
    public String describe() {
        return process.describe() + threads();
    }

    /** {@code e} with the child's threads' stacks added, if it still runs: where a child that did not answer waits. */
    private IllegalStateException withThreads(IllegalStateException e) {
        String threads = threads();
        return threads.isEmpty() ? e : new IllegalStateException(e.getMessage() + threads, e);
    }

    /** The child's threads' stacks as a section of a failure message, or nothing once it has ended. */
    private String threads() {
        if (!process.isAlive()) {
            return "";
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        CommandResult dump = Shell.run(List.of(jcmd.toString(), Long.toString(process.pid()), "Thread.print"),
                Duration.ofSeconds(10));
        return "\n--- threads ---\n" + (dump.succeeded() ? dump.output() : "(no thread dump: " + dump + ")");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
