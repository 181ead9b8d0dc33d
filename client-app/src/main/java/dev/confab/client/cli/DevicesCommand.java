package dev.confab.client.cli;

import dev.confab.protocol.rest.DeviceInfo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code confab devices list|remove <id>}. */
@Command(name = "devices", description = "List or remove the account's devices.")
final class DevicesCommand extends CommandBase {
    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", description = "List the account's devices.")
    int list() {
        String self = signedIn().deviceId();
        List<DeviceInfo> devices = client().account().devices();
        Printer out = out();
        out.table(List.of("DEVICE", "NAME", "ADDED", "LAST SEEN", "KEYS", ""),
                devices.stream().map(d -> List.of(d.deviceId(), d.name(), when(d.createdAt()), when(d.lastSeenAt()),
                        d.hasKeys() ? "yes" : "no", d.deviceId().equals(self) ? "(this one)" : "")).toList());
        devices.forEach(d -> out.object(Printer.obj("deviceId", d.deviceId(), "name", d.name(), "createdAt", d.createdAt(),
                "lastSeenAt", d.lastSeenAt(), "hasKeys", d.hasKeys(), "current", d.deviceId().equals(self))));
        return ExitCodes.OK;
    }

    @Command(name = "remove", description = "Remove a device: its sessions, keys and undelivered messages are deleted.")
    int remove(@Parameters(paramLabel = "DEVICE_ID") String deviceId) {
        client().account().removeDevice(deviceId);
        out().result("Device " + deviceId + " removed.", Printer.obj("removed", deviceId));
        return ExitCodes.OK;
    }
}
