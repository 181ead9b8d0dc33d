package dev.confab.client.cli;

import dev.confab.client.core.ClientConfig;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the CLI reads and writes, injected so tests can drive it in-process: standard output and error, standard
 * input, the environment, the terminal (null when there is none), and a hook to adjust the client configuration
 * (tests make reconnects fast and randomness seeded).
 *
 * <p>Immutable itself; the writers it holds are shared by the command's thread and, in {@code watch} and
 * {@code shell}, the client's event thread, which write through the thread-safe {@code Printer}.
 */
public record CliContext(PrintWriter out, PrintWriter err, BufferedReader in, Map<String, String> env, Console console,
        UnaryOperator<ClientConfig.Builder> configure) {
    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        env = Map.copyOf(env);
        configure = configure == null ? UnaryOperator.identity() : configure;
    }

    /** The real process: System.out/err/in, the real environment and terminal (none when input or output is redirected). */
    public static CliContext system() {
        Console console = System.console();
        return new CliContext(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.getenv(), console != null && console.isTerminal() ? console : null, UnaryOperator.identity());
    }
}
