package dev.confab.client.cli;

import dev.confab.client.core.calls.Call;
import dev.confab.media.call.CallStatistics;
import dev.confab.media.call.MediaPath;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code stats} in the shell: what the call's media has done so far. */
@Command(name = "stats", description = "What the call has sent and received so far. In the shell.")
final class StatsCommand extends ShellCallCommand {
    @Override
    public Integer call() {
        Call call = currentCall();
        CallStatistics s = call.statistics().orElseThrow(() -> new UsageException("The call has no media yet."));
        Printer out = out();
        out.table(List.of("", call.peerName() + " (" + CallPrinter.lower(call.state()) + ")"), List.of(
                List.of("microphone", s.muted() ? "muted" : "on"),
                List.of("sent", s.packetsSent() + " packets, " + kilobytes(s.payloadBytesSent()) + " of Opus at "
                        + s.sendBitrate() / 1000 + " kbit/s; " + s.dtxFrames() + " silent frames left out, "
                        + s.framesNotSent() + " frames not sent"),
                List.of("received", s.packetsReceived() + " packets, " + s.packetsRefused() + " refused"),
                List.of("played", s.framesPlayed() + " frames of 20 ms, " + s.framesSilent() + " filled with silence"),
                List.of("video sent", s.videoSent().framesEncoded() + " frames (" + s.videoSent().keyFrames()
                        + " key frames) at " + s.videoSendBitrate() / 1000 + " kbit/s, "
                        + s.videoSent().retransmissions() + " packets resent"),
                List.of("video received", s.videoReceived().framesShown() + " frames shown, "
                        + s.videoReceived().packetsRestored() + " packets recovered, longest freeze "
                        + s.videoReceived().longestFreezeNanos() / 1_000_000 + " ms"),
                List.of("encryption", s.srtpProtected() + " packets encrypted, " + s.srtpUnprotected()
                        + " decrypted, " + s.srtpFailed() + " refused"),
                List.of("path", s.path().map(p -> p + (p.relayed() ? " (relayed)" : " (direct)")).orElse("none yet"))));
        out.object(Printer.obj("callId", call.id(), "state", CallPrinter.lower(call.state()), "muted", s.muted(),
                "sendBitrate", s.sendBitrate(), "packetsSent", s.packetsSent(), "payloadBytesSent", s.payloadBytesSent(),
                "framesNotSent", s.framesNotSent(), "dtxFrames", s.dtxFrames(), "packetsReceived", s.packetsReceived(),
                "packetsRefused", s.packetsRefused(), "framesPlayed", s.framesPlayed(), "framesSilent", s.framesSilent(),
                "videoFramesSent", s.videoSent().framesEncoded(), "videoKeyFramesSent", s.videoSent().keyFrames(),
                "videoSendBitrate", s.videoSendBitrate(), "videoBytesSent", s.videoSent().bytesSent(),
                "videoPacketsSent", s.videoSent().packetsSent(), "videoFramesShown", s.videoReceived().framesShown(),
                "videoPacketsRecovered", s.videoReceived().packetsRestored(),
                "videoLongestFreezeMs", s.videoReceived().longestFreezeNanos() / 1_000_000,
                "srtpProtected", s.srtpProtected(), "srtpUnprotected", s.srtpUnprotected(), "srtpFailed", s.srtpFailed(),
                "path", s.path().map(StatsCommand::path).orElse(null)));
        return ExitCodes.OK;
    }

    private static Map<String, Object> path(MediaPath p) {
        return Printer.obj("localType", p.localType().sdpValue(), "local", address(p.localAddress()),
                "remoteType", p.remoteType().sdpValue(), "remote", address(p.remoteAddress()), "relayed", p.relayed(),
                "sincePeerAnsweredMs", p.sincePeerAnswered().toMillis());
    }

    private static String address(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static String kilobytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
    }
}
