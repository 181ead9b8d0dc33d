package dev.confab.client.cli;

import dev.confab.client.core.calls.Call;

/**
 * What the call commands that act on the call in progress share: they work in the shell, where the call lives. Not
 * thread-safe: picocli makes one per command line.
 */
abstract class ShellCallCommand extends CommandBase {

    /** The call in progress. @throws UsageException outside the shell or when there is none */
    Call currentCall() {
        String name = getClass().getAnnotation(picocli.CommandLine.Command.class).name();
        if (!root.inShell()) {
            throw new UsageException("'" + name + "' works in the shell ('confab shell'), during a call.");
        }
        return client().calls().current().orElseThrow(() -> new UsageException("You are not in a call."));
    }
}
