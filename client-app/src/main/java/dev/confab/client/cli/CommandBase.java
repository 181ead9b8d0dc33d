package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.account.AccountState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every {@code confab} command shares: the root's options, the client, output and time formatting. */
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

    static String when(long epochMillis) {
        return epochMillis <= 0 ? "-" : WHEN.format(Instant.ofEpochMilli(epochMillis));
    }
}
