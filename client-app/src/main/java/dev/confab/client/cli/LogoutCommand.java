package dev.confab.client.cli;

import picocli.CommandLine.Command;

/** {@code confab logout}: ends this profile's session; the device and its messages stay for the next login. */
@Command(name = "logout", description = "Sign out (this profile keeps its device and messages for the next login).")
final class LogoutCommand extends CommandBase {
    @Override
    public Integer call() {
        String who = signedIn().username();
        client().account().logout();
        out().result("Signed out " + who + ".", Printer.obj("signedOut", true, "username", who));
        return ExitCodes.OK;
    }
}
