package dev.confab.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.core.calls.CallSettings;
import dev.confab.client.testing.Seeded;
import dev.confab.protocol.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One in-process run of {@code confab}: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {
    /**
     * Runs {@code args} with {@code stdin} as standard input, no terminal, and an empty environment plus {@code env}.
     * The client's randomness is seeded, with a seed not used before in this JVM (message ids must not repeat).
     */
    static CliRun of(String stdin, Map<String, String> env, String... args) {
        return start(stdin, env, args).run();
    }

    /**
     * Prepares a run whose output can be read while it goes on ({@link Live#out()}), for commands that wait (such as
     * {@code answer}); {@link Live#run()} runs it on the calling thread. Calls gather loopback candidates (the test
     * machine's only network) and skip the start-up warm-up.
     */
    static Live start(String stdin, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long seed = Seeded.next();
        CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin == null ? "" : stdin)), env, null,
                config -> config.random(Seeded.secureRandom(seed)).backoffRandom(new SplittableRandom(seed))
                        .calls(CallSettings.defaults().withLoopback(true).withWarmUp(false)));
        return new Live(ctx, out, err, args);
    }

    /** A run that has not finished: its output so far is readable from any thread (StringWriter synchronizes). */
    record Live(CliContext ctx, StringWriter outWriter, StringWriter errWriter, String[] args) {
        String out() {
            return outWriter.toString();
        }

        CliRun run() {
            int exit = ConfabCli.run(ctx, args);
            return new CliRun(exit, outWriter.toString(), errWriter.toString());
        }
    }

    /** {@code args} after {@code --server serverUrl --profile-dir profileDir}. */
    static String[] onProfile(String serverUrl, java.nio.file.Path profileDir, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--server";
        all[1] = serverUrl;
        all[2] = "--profile-dir";
        all[3] = profileDir.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return all;
    }

    /** Every line of standard output as a JSON object (fails if one is not). */
    List<JsonNode> json() {
        return out.lines().filter(l -> !l.isBlank()).map(line -> {
            try {
                JsonNode node = Json.mapper().readTree(line);
                if (!node.isObject()) {
                    throw new AssertionError("not a JSON object: " + line);
                }
                return node;
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + line, e);
            }
        }).toList();
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
