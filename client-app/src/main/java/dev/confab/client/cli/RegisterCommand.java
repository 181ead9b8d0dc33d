package dev.confab.client.cli;

import dev.confab.client.core.account.AccountState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code confab register <username>}: creates an account and signs this profile in to it. */
@Command(name = "register", description = "Create an account and sign in to it on this profile.")
final class RegisterCommand extends CommandBase {
    @Parameters(paramLabel = "USERNAME", description = "3-32 lowercase letters, digits, '.', '_' or '-', starting with a letter.")
    String username;

    @Option(names = "--display-name", paramLabel = "NAME", description = "The name contacts see (default: the username).")
    String displayName;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
        String password = root.passwords(passwordStdin).fresh("Choose a password (10+ characters): ");
        AccountState account = client().account().register(username, password, displayName);
        out().result("Registered and signed in as " + account.username() + " on " + account.serverUrl() + ".",
                Printer.obj("registered", true, "username", account.username(), "userId", account.userId(),
                        "deviceId", account.deviceId(), "server", account.serverUrl()));
        out().say("Next: ask a contact with 'contacts add <username>'.");
        return ExitCodes.OK;
    }
}
