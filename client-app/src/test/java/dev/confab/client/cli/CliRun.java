package dev.confab.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long seed = Seeded.next();
        CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin == null ? "" : stdin)), env, null,
                config -> config.random(Seeded.secureRandom(seed)).backoffRandom(new SplittableRandom(seed)));
        int exit = ConfabCli.run(ctx, args);
        return new CliRun(exit, out.toString(), err.toString());
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
