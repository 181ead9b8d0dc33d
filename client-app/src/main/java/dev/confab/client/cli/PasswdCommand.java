package dev.confab.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code confab passwd}: changes the password; every other session is signed out. */
@Command(name = "passwd", description = {"Change the password; every other session of the account is signed out.",
        "With --password-stdin, the first line is the current password and the second the new one;"
                + " else CONFAB_PASSWORD and CONFAB_NEW_PASSWORD, else prompts."})
final class PasswdCommand extends CommandBase {
    @Option(names = "--password-stdin", description = "Read the current and the new password from standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
        signedIn();
        Passwords passwords = root.passwords(passwordStdin);
        String current = passwords.current("Current password: ");
        String fresh = passwords.newPassword("New password (10+ characters): ");
        client().account().changePassword(current, fresh);
        out().result("Password changed. Your other sessions were signed out.", Printer.obj("passwordChanged", true));
        return ExitCodes.OK;
    }
}
