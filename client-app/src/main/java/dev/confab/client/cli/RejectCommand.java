package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code confab reject}: declines the call ringing now (shell), or the next one to ring this device. */
@Command(name = "reject", description = "Decline a call: in the shell, the one ringing now; otherwise the next call to"
        + " ring this device.")
final class RejectCommand extends CommandBase {
    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop waiting for a call after this long (exit code 10).")
    Double timeout;

    @Override
    public Integer call() throws InterruptedException {
        signedIn();
        ConfabClient client = client();
        if (root.inShell()) {
            AnswerCommand.ringing(client).reject();
            return ExitCodes.OK;
        }
        try (CallWaiter waiter = new CallWaiter(client, out())) {
            Call call = waiter.nextIncoming(out(), "Waiting for a call to decline.", Durations.seconds(timeout));
            if (call == null) {
                return ExitCodes.NOT_ANSWERED;
            }
            try {
                call.reject();
            } catch (IllegalStateException e) {
                // It stopped ringing meanwhile: its end says why.
            }
            return CallWaiter.exitCode(waiter.follow(call, null));
        }
    }
}
