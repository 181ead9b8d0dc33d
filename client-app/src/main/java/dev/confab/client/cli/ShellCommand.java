package dev.confab.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code confab shell}: an interactive, connected session that prints events and takes commands. */
@Command(name = "shell", description = "Interactive session: stays connected, prints events, takes commands ('help', 'quit').")
final class ShellCommand extends CommandBase {
    @Mixin
    RelayOption relay;

    @Override
    public Integer call() {
        if (root.inShell()) {
            throw new UsageException("You are in the shell already.");
        }
        relay.applyTo(root);
        return new Shell(root).run();
    }
}
