package dev.confab.client.cli;

import dev.confab.media.video.capture.Camera;
import dev.confab.media.video.capture.CameraDevice;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.CompositeCameraDriver;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code confab cameras}: the cameras this machine has, by the names {@code call --camera} takes, with their modes. */
@Command(name = "cameras", description = {"List this machine's cameras, by the names 'call --camera' takes.",
        "'Confab test pattern' is always there; no sign-in needed."})
final class CamerasCommand extends CommandBase {
    @Override
    public Integer call() {
        List<Camera> cameras = CompositeCameraDriver.standard().cameras().stream().map(CameraDevice::describe)
                .toList();
        out().table(List.of("camera", "modes"), cameras.stream()
                .map(c -> List.of(c.name(), c.modes().isEmpty() ? "(asked for what it can do when opened)"
                        : c.modes().stream().map(CameraMode::toString).collect(Collectors.joining(", "))))
                .toList());
        for (Camera camera : cameras) {
            out().object(Printer.obj("camera", camera.name(), "modes",
                    camera.modes().stream().map(CameraMode::toString).toList()));
        }
        return ExitCodes.OK;
    }
}
