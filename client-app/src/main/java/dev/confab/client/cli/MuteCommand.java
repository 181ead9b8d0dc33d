package dev.confab.client.cli;

import dev.confab.client.core.calls.Call;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mute [on|off]} in the shell: mutes or unmutes the microphone in the call (no argument: toggles). */
@Command(name = "mute", description = "Mute or unmute your microphone in the call (no argument: toggle). In the shell.")
final class MuteCommand extends ShellCallCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "on|off")
    OnOff setting;

    @Override
    public Integer call() {
        Call call = currentCall();
        boolean mute = OnOff.wanted(setting, call.muted());
        call.mute(mute);
        out().result(mute ? "Muted: " + call.peerName() + " hears silence." : "Unmuted.",
                Printer.obj("callId", call.id(), "muted", mute));
        return ExitCodes.OK;
    }
}
