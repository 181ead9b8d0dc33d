package dev.confab.client.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.cli.ConfabCli;
import dev.confab.protocol.Json;
import dev.confab.testkit.net.Host;
import dev.confab.testkit.net.NamespaceJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * One {@code confab} command line running as its own process inside a lab host (the real {@link ConfabCli#main}, on
 * the test's JDK and classpath), on a profile directory and the server's lab address. Every line it prints that a
 * wait reads is kept in {@link #transcript()}. {@link #close()} kills it if it still runs. Thread-safe.
 */
final class LabCli implements AutoCloseable {
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-Xshare:auto");

    private final String name;
    private final NamespaceJvm jvm;
    private final List<String> transcript = new CopyOnWriteArrayList<>();

    private LabCli(String name, NamespaceJvm jvm) {
        this.name = name;
        this.jvm = jvm;
    }

    /** Starts {@code confab --server serverUrl --profile-dir profile args...} inside {@code host}. */
    static LabCli start(Host host, String serverUrl, Path profile, String... args) {
        List<String> all = new ArrayList<>(List.of("--server", serverUrl, "--profile-dir", profile.toString()));
        all.addAll(List.of(args));
        return new LabCli(host.name(), NamespaceJvm.start(host.namespace(), JVM_OPTIONS, ConfabCli.class,
                all.toArray(String[]::new)));
    }

    /** Types one line into its standard input. */
    void send(String line) {
        jvm.send(line);
    }

    /** Waits for the next line containing {@code text}; fails with its output if none comes within {@code timeout}. */
    String await(String text, Duration timeout) {
        return await(line -> line.contains(text), timeout);
    }

    /** Waits for the next line {@code match} accepts; the lines read on the way go to the transcript. */
    String await(Predicate<String> match, Duration timeout) {
        return jvm.awaitLine(line -> {
            transcript.add(line);
            return match.test(line);
        }, timeout);
    }

    /** Waits for the shell's ({@code --json}) event line of {@code event} (such as {@code call}) in {@code state}. */
    JsonNode awaitEvent(String event, String state, Duration timeout) {
        return json(await(line -> line.startsWith("{") && event.equals(json(line).path("event").asText())
                && state.equals(json(line).path("state").asText()), timeout));
    }

    /** The call's statistics, from the shell's ({@code --json}) {@code stats}. */
    JsonNode stats(Duration timeout) {
        send("stats");
        return json(await(line -> line.contains("\"packetsReceived\""), timeout));
    }

    private static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    /**
     * This shell ({@code --json}) hangs up its call and quits; {@code answerer}, waiting with {@code answer --auto},
     * hears it and ends too. Waits until both processes are gone.
     */
    void hangUpAndQuit(LabCli answerer, Duration timeout) {
        send("hangup");
        await(line -> line.contains("\"callEnded\""), timeout);
        send("quit");
        answerer.await("Call ended. " + name + " hung up.", timeout); // the lab's hosts are named after their users
        Awaitility.await().atMost(timeout).until(() -> !answerer.isAlive() && !isAlive());
    }

    /** Every line a wait has read so far, in order. */
    List<String> transcript() {
        return List.copyOf(transcript);
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    /** The command line, state, recent output and stderr: for failure messages. */
    @Override
    public String toString() {
        return name + ": " + jvm.describe();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
