package dev.confab.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code confab delete-account}: deletes the account on the server and wipes this profile. */
@Command(name = "delete-account", description = "Delete the account and all its data, on the server and in this profile.")
final class DeleteAccountCommand extends CommandBase {
    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        String who = signedIn().username();
        if (!yes && root.ctx().console() != null) {
            String answer = root.ctx().console().readLine("Delete the account '%s' for good? Type its name to confirm: ", who);
            if (answer == null || !answer.strip().equals(who)) {
                out().result("Nothing deleted.", Printer.obj("deleted", false));
                return ExitCodes.FAILURE;
            }
        }
        String password = root.passwords(passwordStdin).current("Password for " + who + ": ");
        client().account().deleteAccount(password);
        out().result("The account '" + who + "' was deleted.", Printer.obj("deleted", true, "username", who));
        return ExitCodes.OK;
    }
}
