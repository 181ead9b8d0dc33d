package dev.confab.bench.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Types on a window of an X display as a person would, through {@code xdotool}: finds the window by its title, gives
 * it the keyboard focus (Xvfb has no window manager, so {@code windowfocus}, not {@code windowactivate}) and presses a
 * key through XTEST, so the app sees a real key event. Stateless; each call runs {@code xdotool} anew.
 */
final class XdoTool {
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(10);

    private final String display;

    XdoTool(String display) {
        this.display = display;
    }

    /** Presses {@code key} (an X key name, such as {@code v}) in the first window whose title matches the regex. */
    void pressIn(String titleRegex, String key) {
        String window = run("search", "--onlyvisible", "--name", titleRegex).lines().findFirst()
                .orElseThrow(() -> new IllegalStateException("No window titled like '" + titleRegex + "'"));
        run("windowfocus", window);
        run("key", key);
    }

    /** Whether a visible window whose title matches the regex is on the display. */
    boolean showing(String titleRegex) {
        return !run("search", "--onlyvisible", "--name", titleRegex).isBlank();
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("xdotool did not finish: " + String.join(" ", command));
            }
            // search exits 1 when nothing matches: that is an answer, not a failure.
            if (process.exitValue() != 0 && !(args[0].equals("search") && out.isBlank())) {
                throw new IllegalStateException("Failed (" + process.exitValue() + "): " + String.join(" ", command));
            }
            return out.strip();
        } catch (IOException e) {
            throw new IllegalStateException("xdotool is not installed: apt-get install -y xdotool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }
}
