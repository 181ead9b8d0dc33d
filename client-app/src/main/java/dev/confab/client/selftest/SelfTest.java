package dev.confab.client.selftest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the self-test's checks one after the other, each on a daemon thread of its own and for at most a timeout, so
 * a hung device or native library cannot hang the self-test (the hung thread is interrupted and left behind; it does
 * not keep the JVM alive). A check that throws or times out becomes a failure if it is required, else a warning,
 * with one sentence; the stack trace goes to the log only.
 *
 * <p>Immutable; {@link #run} may be called from any thread, and blocks it until every check has finished or timed out.
 */
public final class SelfTest {
    /** The longest one check may take: loading native codecs from a cold disk takes a few seconds at most. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(SelfTest.class);

    private final List<SelfCheck> checks;
    private final Duration timeout;

    public SelfTest(List<SelfCheck> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Crypto, DTLS, Opus, VP8, sound devices and cameras, with the {@link #DEFAULT_TIMEOUT}. */
    public static SelfTest standard() {
        return new SelfTest(List.of(new SelfCheck("crypto", true, CryptoCheck::run),
                new SelfCheck("dtls", true, DtlsCheck::run), new SelfCheck("opus", true, OpusCheck::run),
                new SelfCheck("vp8", true, Vp8Check::run), new SelfCheck("audio", false, AudioCheck::run),
                new SelfCheck("camera", false, CameraCheck::run)), DEFAULT_TIMEOUT);
    }

    /** Runs every check in order, handing each result to {@code each} as soon as it is known, and returns them all. */
    public List<CheckResult> run(Consumer<CheckResult> each) {
        List<CheckResult> results = new ArrayList<>();
        for (SelfCheck check : checks) {
            CheckResult result = new CheckResult(check.name(), runOne(check));
            results.add(result);
            each.accept(result);
        }
        return List.copyOf(results);
    }

    private Finding runOne(SelfCheck check) {
        FutureTask<Finding> task = new FutureTask<>(check.body());
        Thread thread = new Thread(task, "self-test-" + check.name());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            log.warn("Self-test check {} did not finish within {}", check.name(), timeout);
            return failure(check, "did not finish within " + seconds(timeout) + " (a device or library hangs)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            log.warn("Self-test check {} failed", check.name(), cause);
            return failure(check, sentence(cause));
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            return failure(check, "the self-test was interrupted");
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static Finding failure(SelfCheck check, String sentence) {
        return check.required() ? Finding.fail(sentence) : Finding.warn(sentence);
    }

    /**
     * A missing class or native library in plain words; else the failure's own message, or its kind when it has none,
     * with its cause's message when that says more.
     */
    private static String sentence(Throwable failure) {
        if (failure instanceof NoClassDefFoundError || failure instanceof ClassNotFoundException) {
            return "part of this installation is missing (class " + String.valueOf(failure.getMessage()).replace('/', '.')
                    + " does not load)";
        }
        if (failure instanceof UnsatisfiedLinkError) {
            return "a native library does not load: " + failure.getMessage();
        }
        String message = failure.getMessage();
        String text = message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
        Throwable cause = failure.getCause();
        if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text += ": " + cause.getMessage();
        }
        return text;
    }
}
