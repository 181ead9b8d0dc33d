package dev.confab.media.audio.jitter;

import java.util.List;

/**
 * Drives a jitter buffer on a virtual clock: inserts each arrival at its time and pulls a frame every 20 ms, recording
 * every sample, each frame's kind and the level and target after it. Deterministic. One thread.
 */
final class PlayoutRun {
    static final long FRAME_NANOS = 20_000_000;
    static final int FRAME = AudioJitterBuffer.FRAME_SAMPLES;

    final short[] output;
    final PlayoutKind[] kinds;
    final int[] levelMs;
    final int[] targetMs;
    final JitterBufferStats stats;

    private PlayoutRun(short[] output, PlayoutKind[] kinds, int[] levelMs, int[] targetMs, JitterBufferStats stats) {
        this.output = output;
        this.kinds = kinds;
        this.levelMs = levelMs;
        this.targetMs = targetMs;
        this.stats = stats;
    }

    /** Runs {@code frames} pulls, the first {@code phaseNanos} after the first packet was sent. */
    static PlayoutRun run(AudioJitterBuffer buffer, List<SimulatedNetwork.Arrival> arrivals, int frames,
            long phaseNanos) {
        short[] output = new short[frames * FRAME];
        PlayoutKind[] kinds = new PlayoutKind[frames];
        int[] levels = new int[frames];
        int[] targets = new int[frames];
        short[] frame = new short[FRAME];
        int next = 0;
        for (int k = 0; k < frames; k++) {
            long now = SimulatedNetwork.START_NANOS + phaseNanos + k * FRAME_NANOS;
            while (next < arrivals.size() && arrivals.get(next).atNanos() <= now) {
                SimulatedNetwork.Arrival a = arrivals.get(next++);
                buffer.insert(a.sequenceNumber(), a.rtpTimestamp(), a.atNanos(), a.payload(), 0, a.payload().length);
            }
            kinds[k] = buffer.pull(frame);
            System.arraycopy(frame, 0, output, k * FRAME, FRAME);
            JitterBufferStats stats = buffer.stats();
            levels[k] = stats.levelMs();
            targets[k] = stats.targetMs();
        }
        return new PlayoutRun(output, kinds, levels, targets, buffer.stats());
    }

    static PlayoutRun run(SimulatedNetwork network, int frames) {
        return run(new AudioJitterBuffer(new SyntheticDecoder(), JitterBufferConfig.defaults()), network.arrivals(),
                frames, 7_000_000);
    }

    /** Frames of {@code kind} from frame {@code from} on. */
    long count(PlayoutKind kind, int from) {
        long n = 0;
        for (int k = from; k < kinds.length; k++) {
            if (kinds[k] == kind) {
                n++;
            }
        }
        return n;
    }
}
