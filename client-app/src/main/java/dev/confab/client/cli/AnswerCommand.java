package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.client.core.calls.CallState;
import java.io.IOException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code confab answer}: waits for a call to ring this device, asks (or with {@code --auto} does not) and answers it,
 * then stays in the call until either side hangs up. In the shell it answers the call ringing now.
 */
@Command(name = "answer", description = {"Answer a call: in the shell, the one ringing now; otherwise wait for the next"
        + " call to ring this device, then stay in it until either side hangs up (Ctrl-C hangs up)."})
final class AnswerCommand extends CommandBase {
    @Option(names = "--auto", description = "Answer the next call without asking.")
    boolean auto;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop waiting for a call after this long (exit code 10).")
    Double timeout;

    @Mixin
    AudioOptions audio;

    @Mixin
    VideoOptions video;

    @Mixin
    RelayOption relay;

    @Option(names = "--hangup-after", paramLabel = "SECONDS", description = "Hang up this long after the call connected.")
    Double hangupAfter;

    @Override
    public Integer call() throws InterruptedException, IOException {
        relay.applyTo(root);
        signedIn();
        ConfabClient client = client();
        CallAudio chosen = audio.audio();
        CallVideo chosenVideo = video.video();
        if (root.inShell()) {
            if (hangupAfter != null || timeout != null) {
                throw new UsageException("In the shell, 'answer' answers the call ringing now; type 'hangup' to end it.");
            }
            ringing(client).answer(chosen, chosenVideo);
            return ExitCodes.OK;
        }
        try (CallWaiter waiter = new CallWaiter(client, out())) {
            Call call = waiter.nextIncoming(out(), "Waiting for a call.", Durations.seconds(timeout));
            if (call == null) {
                return ExitCodes.NOT_ANSWERED;
            }
            try {
                if (auto || asked(call)) {
                    call.answer(chosen, chosenVideo);
                } else {
                    call.reject();
                }
            } catch (IllegalStateException e) {
                // It stopped ringing meanwhile: its end says why.
            }
            return CallWaiter.exitCode(waiter.follow(call, Durations.seconds(hangupAfter)));
        }
    }

    /** Whether the person wants the call (Enter or 'y'); the end of input declines. */
    private boolean asked(Call call) throws IOException {
        out().say("Answer the call from " + call.peerName() + "? [Y/n]");
        String line = root.ctx().in().readLine();
        return line != null && (line.isBlank() || line.strip().toLowerCase(Locale.ROOT).startsWith("y"));
    }

    /** The call ringing this device now. @throws UsageException if none */
    static Call ringing(ConfabClient client) {
        return client.calls().current().filter(c -> c.state() == CallState.INCOMING)
                .orElseThrow(() -> new UsageException("No call is ringing."));
    }
}
