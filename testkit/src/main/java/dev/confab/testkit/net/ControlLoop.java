package dev.confab.testkit.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The child's side of a {@link NamespaceJvm} control channel: reads one command per line from stdin and answers each
 * with exactly one line on stdout, the handler's reply, or {@code error <what went wrong>} if the handler threw. It
 * returns when stdin ends (the test closed the child or died) or on the command {@code exit}. Runs on the calling
 * thread; the handler is called on it, one command at a time.
 */
public final class ControlLoop {
    /** Start of the reply to a command that failed. */
    public static final String ERROR = "error ";
    /** The command that ends the loop (answered with {@code bye}). */
    public static final String EXIT = "exit";

    private ControlLoop() {}

    /** Serves commands from stdin until it ends or {@link #EXIT} comes. */
    public static void run(Function<String, String> handler) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.strip().equals(EXIT)) {
                    out.println("bye");
                    return;
                }
                out.println(oneLine(answer(handler, line.strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Control channel broke", e);
        }
    }

    private static String answer(Function<String, String> handler, String command) {
        try {
            return handler.apply(command);
        } catch (RuntimeException e) {
            return ERROR + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String oneLine(String reply) {
        return reply.replace('\n', ' ').replace('\r', ' ');
    }
}
