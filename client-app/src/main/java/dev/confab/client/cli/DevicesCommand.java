package dev.confab.client.cli;

import dev.confab.client.core.keys.KeyChange;
import dev.confab.client.core.keys.PinnedDevice;
import dev.confab.protocol.rest.DeviceInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code confab devices list|trust <id>|remove <id>}: the account's devices and which of them this one trusts. */
@Command(name = "devices", description = "List the account's devices, trust a new one, or remove one.")
final class DevicesCommand extends CommandBase {
    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", description = "List the account's devices, their fingerprints and whether this device trusts them.")
    int list() {
        String self = signedIn().deviceId();
        String me = signedIn().userId();
        List<DeviceInfo> devices = client().account().devices();
        client().keys().refresh(me);
        Map<String, PinnedDevice> pins = client().keys().devices(me).stream()
                .collect(Collectors.toMap(PinnedDevice::deviceId, Function.identity()));
        Printer out = out();
        out.table(List.of("DEVICE", "NAME", "ADDED", "LAST SEEN", "TRUST", ""),
                devices.stream().map(d -> List.of(d.deviceId(), d.name(), when(d.createdAt()), when(d.lastSeenAt()),
                        trustLabel(pin(pins, d), d.hasKeys()), d.deviceId().equals(self) ? "(this one)" : "")).toList());
        List<KeyChange> pending = client().keys().pendingChanges(me);
        if (!pending.isEmpty()) {
            out.say("");
            pending.forEach(change -> out.say("WARNING: " + change.describe(null)));
        }
        devices.forEach(d -> out.object(Printer.obj("deviceId", d.deviceId(), "name", d.name(), "createdAt", d.createdAt(),
                "lastSeenAt", d.lastSeenAt(), "hasKeys", d.hasKeys(), "current", d.deviceId().equals(self),
                "trust", pin(pins, d).map(p -> p.trust().name().toLowerCase(Locale.ROOT)).orElse(null),
                "fingerprint", pin(pins, d).map(PinnedDevice::fingerprint).orElse(null))));
        return ExitCodes.OK;
    }

    @Command(name = "trust", description = {"Trust a new device of your account, after checking that you signed in on it"
            + " (compare its fingerprint with 'whoami' there).", "Until then it gets no copy of what you send from here."})
    int trust(@Parameters(paramLabel = "DEVICE_ID") String deviceId) {
        String me = signedIn().userId();
        client().keys().refresh(me);
        boolean changed = client().keys().trustDevice(me, deviceId);
        out().result(changed ? "Trusted device " + deviceId + ". It gets copies of what you send from this device now."
                        : "Device " + deviceId + " was trusted already.",
                Printer.obj("trusted", deviceId, "changed", changed));
        return ExitCodes.OK;
    }

    @Command(name = "remove", description = "Remove a device: its sessions, keys and undelivered messages are deleted.")
    int remove(@Parameters(paramLabel = "DEVICE_ID") String deviceId) {
        client().account().removeDevice(deviceId);
        out().result("Device " + deviceId + " removed.", Printer.obj("removed", deviceId));
        return ExitCodes.OK;
    }

    private static Optional<PinnedDevice> pin(Map<String, PinnedDevice> pins, DeviceInfo device) {
        return Optional.ofNullable(pins.get(device.deviceId())).filter(PinnedDevice::active);
    }

    private static String trustLabel(Optional<PinnedDevice> pin, boolean hasKeys) {
        return pin.map(ContactsCommand::trustLabel).orElse(hasKeys ? "-" : "no keys yet");
    }
}
