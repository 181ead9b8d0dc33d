package dev.confab.client.cli;

import dev.confab.client.core.calls.Call;
import dev.confab.crypto.sas.ShortAuthString;
import picocli.CommandLine.Command;

/** {@code sas} in the shell: the words to compare with the other person, once the call is encrypted. */
@Command(name = "sas", description = "The words to compare with the other person in the call. In the shell.")
final class SasCommand extends ShellCallCommand {
    @Override
    public Integer call() {
        Call call = currentCall();
        ShortAuthString sas = call.sas().orElseThrow(() -> new UsageException("The call is not encrypted yet."));
        out().result("Compare with " + call.peerName() + ": " + sas.wordText() + " (or " + sas.emojiText() + ")."
                        + " If the words differ, someone is in the middle: hang up.",
                Printer.obj("callId", call.id(), "sas", sas.wordText(), "emoji", sas.emojiText()));
        return ExitCodes.OK;
    }
}
