package dev.confab.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libsrtp2 as an SRTP oracle: a small C harness (resource {@code srtp_oracle.c}) compiled once per JVM with gcc and
 * {@code pkg-config --libs libsrtp2} into a temporary directory, then run as a child process that protects and
 * unprotects packets on request. Each {@link #session} makes a libsrtp sender for any outbound SSRC and a receiver for
 * any inbound SSRC (replay window 1024). Fails saying what to install when gcc, pkg-config or libsrtp2-dev is missing.
 * Not thread-safe: one test thread at a time per oracle.
 */
public final class LibSrtpOracle implements AutoCloseable {
    private static final String INSTALL = "the libsrtp2 oracle needs gcc, pkg-config and libsrtp2-dev:"
            + " apt-get install -y libsrtp2-dev pkg-config gcc";
    private static Path binary;

    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    /** What libsrtp answered: {@code status} 0 and the resulting packet, or its nonzero {@code srtp_err_status_t}. */
    public record Answer(int status, byte[] packet) {
        public boolean ok() {
            return status == 0;
        }
    }

    private LibSrtpOracle(Process process) {
        this.process = process;
        this.in = process.outputWriter(StandardCharsets.US_ASCII);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** Compiles the harness if this JVM has not yet, and starts it. */
    public static LibSrtpOracle start() {
        try {
            Process process = new ProcessBuilder(compiled().toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new LibSrtpOracle(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the libsrtp2 oracle", e);
        }
    }

    /** Runs libsrtp's own known-answer check (its {@code srtp_validate} packets); throws if libsrtp fails it. */
    public void validate() {
        String answer = call("validate");
        if (!answer.equals("ok")) {
            throw new IllegalStateException("libsrtp failed its own known-answer test: " + answer);
        }
    }

    /** Starts a fresh sender and receiver for a DTLS-SRTP profile number and master key followed by master salt. */
    public void session(int useSrtpId, byte[] keyAndSalt) {
        String answer = call("session " + useSrtpId + " " + HexFormat.of().formatHex(keyAndSalt));
        if (!answer.equals("ok")) {
            throw new IllegalStateException("libsrtp refused profile " + useSrtpId + ": " + answer);
        }
    }

    public Answer protectRtp(byte[] packet) {
        return packet("protect", packet);
    }

    public Answer unprotectRtp(byte[] packet) {
        return packet("unprotect", packet);
    }

    public Answer protectRtcp(byte[] packet) {
        return packet("protect_rtcp", packet);
    }

    public Answer unprotectRtcp(byte[] packet) {
        return packet("unprotect_rtcp", packet);
    }

    @Override
    public void close() {
        try {
            call("quit");
        } catch (RuntimeException ignored) {
            // already gone: destroy below is all that is left to do
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Answer packet(String command, byte[] packet) {
        String answer = call(command + " " + HexFormat.of().formatHex(packet));
        if (answer.startsWith("ok ")) {
            return new Answer(0, HexFormat.of().parseHex(answer.substring(3)));
        }
        if (answer.startsWith("err ")) {
            return new Answer(Integer.parseInt(answer.substring(4).trim()), new byte[0]);
        }
        throw new IllegalStateException("libsrtp oracle answered " + answer);
    }

    private String call(String line) {
        try {
            in.write(line);
            in.write('\n');
            in.flush();
            if (line.equals("quit")) {
                return "";
            }
            String answer = out.readLine();
            if (answer == null) {
                throw new IllegalStateException("the libsrtp oracle exited (status " + process.waitFor() + ")");
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("libsrtp oracle I/O failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static synchronized Path compiled() throws IOException {
        if (binary != null) {
            return binary;
        }
        String flags = run(List.of("pkg-config", "--cflags", "--libs", "libsrtp2"));
        Path dir = Files.createTempDirectory("confab-srtp-oracle-");
        Path source = dir.resolve("srtp_oracle.c");
        try (InputStream resource = LibSrtpOracle.class.getResourceAsStream("srtp_oracle.c")) {
            Files.copy(resource, source);
        }
        Path exe = dir.resolve("srtp_oracle");
        List<String> gcc = new java.util.ArrayList<>(List.of("gcc", "-O2", "-o", exe.toString(), source.toString()));
        gcc.addAll(List.of(flags.trim().split("\\s+")));
        run(gcc);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteTree(dir), "srtp-oracle-cleanup"));
        binary = exe;
        return exe;
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(INSTALL + "\n" + String.join(" ", command) + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(INSTALL + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
