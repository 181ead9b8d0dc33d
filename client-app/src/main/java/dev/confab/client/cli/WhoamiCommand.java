package dev.confab.client.cli;

import dev.confab.client.core.account.AccountState;
import dev.confab.protocol.rest.Account;
import picocli.CommandLine.Command;

/** {@code confab whoami}: who this profile is signed in as. */
@Command(name = "whoami", description = "Show who this profile is signed in as.")
final class WhoamiCommand extends CommandBase {
    @Override
    public Integer call() {
        AccountState state = signedIn();
        Account account = client().account().me();
        String fingerprint = client().account().identity().publicKeys().fingerprint();
        out().result(String.join("\n",
                        "User:      " + account.username() + (account.displayName().equals(account.username()) ? "" : " (" + account.displayName() + ")"),
                        "User id:   " + account.userId(),
                        "Device:    " + state.deviceId(),
                        "Server:    " + client().serverUrl(),
                        "Profile:   " + root.profile().dir(),
                        "Key:       " + fingerprint),
                Printer.obj("username", account.username(), "displayName", account.displayName(), "userId", account.userId(),
                        "deviceId", state.deviceId(), "server", client().serverUrl(), "profile", root.profile().dir().toString(),
                        "fingerprint", fingerprint));
        return ExitCodes.OK;
    }
}
