package dev.confab.client.cli;

import picocli.CommandLine.Command;

/** {@code confab shell}: an interactive, connected session that prints events and takes commands. */
@Command(name = "shell", description = "Interactive session: stays connected, prints events, takes commands ('help', 'quit').")
final class ShellCommand extends CommandBase {
    @Override
    public Integer call() {
        if (root.inShell()) {
            throw new UsageException("You are in the shell already.");
        }
        return new Shell(root).run();
    }
}
