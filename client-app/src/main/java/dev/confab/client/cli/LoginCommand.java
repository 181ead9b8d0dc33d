package dev.confab.client.cli;

import dev.confab.client.core.account.AccountState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code confab login <username>}: signs this profile in (as this profile's device when it has one). */
@Command(name = "login", description = "Sign in on this profile.")
final class LoginCommand extends CommandBase {
    @Parameters(paramLabel = "USERNAME")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
        String password = root.passwords(passwordStdin).current("Password for " + username + ": ");
        AccountState account = client().account().login(username, password);
        out().result("Signed in as " + account.username() + " on " + account.serverUrl() + ".",
                Printer.obj("signedIn", true, "username", account.username(), "userId", account.userId(),
                        "deviceId", account.deviceId(), "server", account.serverUrl()));
        return ExitCodes.OK;
    }
}
