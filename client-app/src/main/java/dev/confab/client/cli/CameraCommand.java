package dev.confab.client.cli;

import dev.confab.client.core.calls.Call;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code camera [on|off]} in the shell: turns the call's camera off (released) or on again (no argument: toggles). */
@Command(name = "camera", description = "Turn your camera off or on again in the call (no argument: toggle). In the"
        + " shell.")
final class CameraCommand extends ShellCallCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "on|off")
    OnOff setting;

    @Override
    public Integer call() {
        Call call = currentCall();
        boolean on = OnOff.wanted(setting, call.cameraOn());
        try {
            call.camera(on);
        } catch (IllegalArgumentException e) {
            throw new UsageException("The camera did not start: " + e.getMessage());
        }
        out().result(on ? "Camera on." : "Camera off: " + call.peerName() + " no longer sees you.",
                Printer.obj("callId", call.id(), "cameraOn", on));
        return ExitCodes.OK;
    }
}
