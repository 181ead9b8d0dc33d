package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallVideo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code confab call <username>}: calls a contact and stays in the call until either side hangs up (Ctrl-C hangs up,
 * so does {@code --hangup-after}); prints each step, the words to compare, and how the call ended, whose reason is
 * also the exit code. In the shell it places the call and returns at once.
 */
@Command(name = "call", description = {"Call a contact: encrypted audio, and video with --camera, peer to peer.",
        "Prints each step, the words to compare with your contact, and how the call ended. Ctrl-C hangs up."})
final class CallCommand extends CommandBase {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Mixin
    AudioOptions audio;

    @Mixin
    VideoOptions video;

    @Mixin
    RelayOption relay;

    @Option(names = "--hangup-after", paramLabel = "SECONDS", description = "Hang up this long after the call connected.")
    Double hangupAfter;

    @Override
    public Integer call() throws InterruptedException {
        relay.applyTo(root);
        signedIn();
        ConfabClient client = client();
        String peer = client.contacts().contactId(username);
        CallAudio chosen = audio.audio();
        CallVideo chosenVideo = video.video();
        if (root.inShell()) {
            if (hangupAfter != null) {
                throw new UsageException("In the shell, type 'hangup' to end the call.");
            }
            client.calls().place(peer, chosen, chosenVideo);
            return ExitCodes.OK;
        }
        try (CallWaiter waiter = new CallWaiter(client, out())) {
            waiter.goLive();
            Call call = client.calls().place(peer, chosen, chosenVideo);
            return CallWaiter.exitCode(waiter.follow(call, Durations.seconds(hangupAfter)));
        }
    }
}
