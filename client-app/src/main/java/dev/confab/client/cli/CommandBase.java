package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.account.AccountState;
import dev.confab.client.core.keys.KeyChange;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * What every {@code confab} command shares: the root's options, the client, output and time formatting. Not
 * thread-safe: picocli makes one per command line, run on the calling thread.
 */
abstract class CommandBase implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @ParentCommand
    ConfabCli root;

    ConfabClient client() {
        return root.client();
    }

    Printer out() {
        return root.printer();
    }

    /** The signed-in account. @throws dev.confab.client.core.NotSignedInException if none */
    AccountState signedIn() {
        return client().account().require();
    }

    /**
     * Warns on standard error about devices of the user's own account that wait for a decision: they get no copy of
     * what this device sends until the user trusts them ('devices trust').
     */
    void warnAboutOwnDevices() {
        List<KeyChange> pending = client().keys().pendingChanges(signedIn().userId());
        if (!pending.isEmpty()) {
            out().warn("Warning: your account has " + (pending.size() == 1 ? "a device" : pending.size() + " devices")
                    + " you have not trusted (" + String.join(", ", pending.stream().map(KeyChange::deviceId).toList())
                    + "); it gets no copy of what you send. See 'devices list'.");
        }
    }

    static String when(long epochMillis) {
        return epochMillis <= 0 ? "-" : WHEN.format(Instant.ofEpochMilli(epochMillis));
    }
}
