package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code confab hangup [CALL_ID]}: ends the call in progress (shell); from another terminal, ends the call with that id
 * that this profile is in (as 'confab call --json' or 'confab answer --json' print it).
 */
@Command(name = "hangup", description = {"End the call: in the shell, the one in progress (cancel or decline it while it"
        + " rings).", "From another terminal: the call CALL_ID this profile is in (shown with --json)."})
final class HangupCommand extends ShellCallCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CALL_ID")
    String callId;

    @Override
    public Integer call() throws InterruptedException {
        signedIn();
        if (root.inShell()) {
            currentCall().hangUp();
            return ExitCodes.OK;
        }
        if (callId == null) {
            throw new UsageException("Name the call: 'hangup CALL_ID' (or type 'hangup' in the shell that holds it).");
        }
        ConfabClient client = client();
        try (CallWaiter waiter = new CallWaiter(client, out())) {
            waiter.goLive();
            client.calls().signaling().hangup(callId).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw dev.confab.client.core.api.ApiException.unreachable(client.serverUrl(), e);
        }
        out().result("Hung up.", Printer.obj("callId", callId, "hungUp", true));
        return ExitCodes.OK;
    }
}
