package dev.confab.bench.calls;

import dev.confab.media.call.CallSessionConfig;
import dev.confab.testkit.PulseAudio;
import dev.confab.testkit.PulseStream;
import dev.confab.testkit.VirtualDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM that measures a call's CPU through sound devices, started by {@link ConfabCalls#cpuThroughDevices} with
 * {@code PULSE_SERVER} naming the socket of the PulseAudio daemon it starts ({@link PulseJvm}); the clients' JVMs it
 * starts inherit that environment, so their Java Sound lines reach the daemon's virtual devices: each client has a
 * microphone and a speaker of its own, and its voice is played into its microphone for the length of each call.
 * Arguments: server URL, profiles directory, the pair's number, seconds per span, spans of the first call, the devices'
 * sample rate (48,000 Hz as the lines, or one the sound server resamples from and to, such as 44,100), the caller's
 * voice, the callee's voice, then the clients' JVM options. Prints each span's {@link CallCpu.Shares#line()}, the first
 * call's spans first, then the second call's. Single-threaded.
 */
public final class DeviceCpuMain {
    private DeviceCpuMain() {
    }

    public static void main(String[] args) throws Exception {
        String serverUrl = args[0];
        Path profiles = Path.of(args[1]);
        int pairNumber = Integer.parseInt(args[2]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[3]));
        int windows = Integer.parseInt(args[4]);
        int deviceRate = Integer.parseInt(args[5]);
        Path callerVoice = Path.of(args[6]);
        Path calleeVoice = Path.of(args[7]);
        List<String> jvmOptions = Arrays.asList(args).subList(8, args.length);
        List<CallCpu.Shares> shares = new ArrayList<>();
        try (PulseAudio pulse = PulseAudio.start()) {
            VirtualDevice.Microphone callerMicrophone = pulse.addMicrophone("caller_mic", "Caller microphone",
                    deviceRate);
            VirtualDevice.Speaker callerSpeaker = pulse.addSpeaker("caller_speaker", "Caller speaker", deviceRate);
            VirtualDevice.Microphone calleeMicrophone = pulse.addMicrophone("callee_mic", "Callee microphone",
                    deviceRate);
            VirtualDevice.Speaker calleeSpeaker = pulse.addSpeaker("callee_speaker", "Callee speaker", deviceRate);
            try (CallPeerPair pair = CallPeerPair.open(serverUrl, profiles, pairNumber, true,
                    CallSessionConfig.DEFAULT_MAX_SEND_BITRATE, jvmOptions)) {
                pair.callee().send("answer-through " + calleeMicrophone.name() + " " + calleeSpeaker.name());
                String call = "call-through " + pair.callee().userId() + " " + callerMicrophone.name() + " "
                        + callerSpeaker.name();
                for (int spans : List.of(windows, 1)) {
                    try (PulseStream callerTalks = pulse.play(callerMicrophone, callerVoice);
                            PulseStream calleeTalks = pulse.play(calleeMicrophone, calleeVoice)) {
                        shares.addAll(CallCpu.spans(pair, call, length, spans));
                    }
                }
            }
        }
        shares.forEach(share -> System.out.println(share.line()));
        System.exit(0);
    }
}
