package dev.confab.client.cli;

import dev.confab.client.core.calls.CallAudio;
import dev.confab.media.audio.device.AudioDevice;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The sound options of {@code call} and {@code answer}: devices by name, or WAV files. Filled by picocli. */
final class AudioOptions {
    @Option(names = "--mic", paramLabel = "NAME", description = "The microphone to use (default: the system's).")
    String microphone;

    @Option(names = "--speaker", paramLabel = "NAME", description = "The speaker to use (default: the system's).")
    String speaker;

    @Option(names = "--mic-wav", paramLabel = "FILE", description = "Play this WAV file (48 kHz, 16-bit) as the"
            + " microphone, in real time, instead of a device.")
    Path micWav;

    @Option(names = "--record-wav", paramLabel = "FILE", description = "Record what you would hear to this WAV file"
            + " (48 kHz mono) instead of playing it.")
    Path recordWav;

    /** The choice; WAV options leave the devices alone. */
    CallAudio audio() {
        if (micWav != null || recordWav != null) {
            if (microphone != null || speaker != null) {
                throw new UsageException("Give devices (--mic, --speaker) or WAV files (--mic-wav, --record-wav), not both.");
            }
            return new CallAudio.Files(micWav, recordWav);
        }
        return new CallAudio.Devices(microphone == null ? AudioDevice.SYSTEM_DEFAULT_NAME : microphone,
                speaker == null ? AudioDevice.SYSTEM_DEFAULT_NAME : speaker);
    }
}
