package dev.confab.bench.calls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CallPeerMain} in a fresh JVM on this classpath: sends it one command at a time and returns its reply's
 * fields. Lines that are not replies (a library's log output) are skipped; its standard error goes to
 * {@code USERNAME.log} beside the profile.
 *
 * <p>Thread contract: one thread drives an instance; {@link #close()} quits the JVM, killing it if it does not end.
 */
public final class CallPeer implements AutoCloseable {
    private final Process process;
    private final PrintWriter in;
    private final BufferedReader out;
    private final String userId;

    /** The JVM options a peer runs with unless told otherwise: a bounded heap, the JVM's own choices otherwise. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx512m");

    /**
     * Starts the JVM with {@code jvmOptions}, which registers {@code username} on a fresh profile at {@code profile}
     * and goes live, its calls sending at most {@code maxSendBitrate} bit/s.
     */
    public CallPeer(String serverUrl, Path profile, String username, boolean startupWarmUp, long maxSendBitrate,
            List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CallPeerMain.class.getName(),
                serverUrl, profile.toString(), username));
        if (startupWarmUp) {
            command.add("warm-up");
        }
        command.add(CallPeerMain.MAX_BITRATE + maxSendBitrate);
        try {
            process = new ProcessBuilder(command).redirectError(profile.resolveSibling(username + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        userId = reply()[0];
    }

    public String userId() {
        return userId;
    }

    /** Sends {@code command} and returns the fields of its {@code ok} reply, or fails with its error. */
    public String[] send(String command) {
        in.println(command);
        return reply();
    }

    /** The fields of a reply as nanosecond times. */
    public long[] sendForTimes(String command) {
        String[] fields = send(command);
        long[] times = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            times[i] = Long.parseLong(fields[i]);
        }
        return times;
    }

    private String[] reply() {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("ok")) {
                    return new String[0];
                }
                if (line.startsWith("ok ")) {
                    return line.substring(3).split(" ");
                }
                if (line.startsWith("error ")) {
                    throw new IllegalStateException("Confab peer: " + line.substring(6));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the Confab peer JVM ended");
    }

    @Override
    public void close() {
        in.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
