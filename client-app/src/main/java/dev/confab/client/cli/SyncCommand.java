package dev.confab.client.cli;

import dev.confab.client.core.SyncResult;
import picocli.CommandLine.Command;

/** {@code confab sync}: receives new messages and receipts, and sends what waits. */
@Command(name = "sync", description = "Receive new messages and receipts, and send queued messages.")
final class SyncCommand extends CommandBase {
    @Override
    public Integer call() {
        signedIn();
        if (root.inShell()) {
            client().flushSoon();
            out().result("The shell stays in sync by itself.", Printer.obj("live", true));
            return ExitCodes.OK;
        }
        SyncResult result = client().sync();
        warnAboutOwnDevices();
        out().result("Received " + result.received() + " item" + (result.received() == 1 ? "" : "s") + ", sent "
                        + result.sent() + (result.failed() > 0 ? ", " + result.failed() + " failed" : "")
                        + (result.waiting() > 0 ? ", " + result.waiting() + " still waiting" : "") + ".",
                Printer.obj("received", result.received(), "sent", result.sent(), "failed", result.failed(), "waiting", result.waiting()));
        return result.waiting() > 0 ? ExitCodes.UNREACHABLE : ExitCodes.OK;
    }
}
