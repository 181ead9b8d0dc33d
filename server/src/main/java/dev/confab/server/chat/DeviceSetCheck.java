package dev.confab.server.chat;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.Fields;
import dev.confab.protocol.ProtocolException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The envelope rule of a message: one envelope for every recipient device with keys, optionally envelopes for
 * the sender's own other devices with keys, nothing else and no device twice. Stateless.
 */
final class DeviceSetCheck {
    private DeviceSetCheck() {}

    /**
     * @throws ProtocolException {@code device_mismatch} with sorted {@code missingDevices}/{@code extraDevices},
     *         {@code invalid_field} for a device named twice, {@code conflict} when the recipient has no keys
     */
    static void check(List<String> envelopeDevices, Collection<String> recipientDevices,
            Collection<String> senderOtherDevices) {
        Set<String> named = new LinkedHashSet<>();
        for (String d : envelopeDevices) {
            if (!named.add(d)) {
                throw Fields.invalid("envelopes", "Device " + d + " has more than one envelope");
            }
        }
        if (recipientDevices.isEmpty()) {
            throw new ProtocolException(ErrorCode.CONFLICT,
                    "The recipient has no device with keys yet; the message cannot be sealed for them");
        }
        Set<String> missing = new TreeSet<>(recipientDevices);
        missing.removeAll(named);
        Set<String> extra = new TreeSet<>(named);
        extra.removeAll(recipientDevices);
        extra.removeAll(senderOtherDevices);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new ProtocolException(ErrorCode.DEVICE_MISMATCH,
                    "The envelopes do not match the recipient's devices; fetch their keys again",
                    Map.of("missingDevices", List.copyOf(missing), "extraDevices", List.copyOf(extra)));
        }
    }
}
