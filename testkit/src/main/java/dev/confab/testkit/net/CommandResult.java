package dev.confab.testkit.net;

import java.util.List;

/** What a finished command printed (stdout and stderr together) and its exit code. An immutable value. */
public record CommandResult(List<String> command, int exitCode, String output) {
    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result, or an exception naming the command, its exit code and its output if it failed. */
    public CommandResult orThrow() {
        if (!succeeded()) {
            throw new IllegalStateException("Failed (exit " + exitCode + "): " + String.join(" ", command)
                    + (output.isBlank() ? "" : "\n" + output.strip()));
        }
        return this;
    }
}
