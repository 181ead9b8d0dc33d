package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import dev.confab.protocol.PresenceState;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code confab watch}: stays connected and prints every event as it happens, until Ctrl-C (or the end of
 * standard input with {@code --until-eof}).
 */
@Command(name = "watch", description = "Stay connected and print every event as it happens (Ctrl-C stops).")
final class WatchCommand extends CommandBase {
    @Option(names = "--status", paramLabel = "STATE", description = "Show as online, away or busy while watching.")
    PresenceCommand.Choice status;

    @Option(names = "--until-eof", description = "Stop when standard input ends (for scripts).")
    boolean untilEof;

    @Override
    public Integer call() throws InterruptedException {
        if (root.inShell()) {
            throw new UsageException("The shell prints events already.");
        }
        signedIn();
        ConfabClient client = client();
        Printer out = out();
        client.addListener(new EventPrinter(client, out, () -> { }));
        client.calls().addObserver(new CallPrinter(out, false, () -> { }));
        out.say("Watching as " + client.account().require().username() + ". Ctrl-C stops.");
        client.start();
        if (status != null) {
            client.presence().set(PresenceState.fromWire(status.name()));
        }
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            done.countDown();
            client.stop();
        }, "confab-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (untilEof) {
                Thread reader = Thread.ofVirtual().start(() -> {
                    try {
                        while (root.ctx().in().readLine() != null) {
                            // Lines are ignored; only the end matters.
                        }
                    } catch (IOException e) {
                        // Treat a broken input like its end.
                    }
                    done.countDown();
                });
                done.await();
                reader.interrupt();
            } else {
                done.await();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down already.
            }
            client.stop();
        }
        return ExitCodes.OK;
    }
}
