package dev.confab.bench.srtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the C benchmark over libsrtp2 ({@code srtp_bench}) and reads its packets-per-second lines. Stateless. */
final class LibSrtpBench {
    private LibSrtpBench() {}

    /** What one run printed: libsrtp's version string and packets per second by {@link #key measure}. */
    record Result(String version, Map<String, Double> rates) {}

    static Result run(Path binary, double trialSeconds, int trials) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), Double.toString(trialSeconds), Integer.toString(trials))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(binary + " failed:\n" + output);
        }
        String version = "unknown";
        Map<String, Double> rates = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.strip().split(" ");
            if (line.startsWith("# version ")) {
                version = line.substring("# version ".length()).strip();
            } else if (f.length == 5 && f[0].equals("libsrtp2")) {
                rates.put(key(f[1], f[2], Integer.parseInt(f[3])), Double.parseDouble(f[4]));
            }
        }
        return new Result(version, Map.copyOf(rates));
    }

    /** The measure a rate is for, such as {@code AEAD_AES_128_GCM protect 1200}. */
    static String key(String profile, String operation, int payload) {
        return profile + " " + operation + " " + payload;
    }
}
