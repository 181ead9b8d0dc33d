package dev.confab.media.audio.jitter;

/**
 * The live counters behind {@link JitterBufferStats}. Each field has one writer: {@code received} and
 * {@code refused} the network thread, all others the playout thread, which adds a whole pull's worth at once. Volatile
 * so that {@link #snapshot} on any thread sees recent values without a lock.
 */
final class Counters {
    private static final int SAMPLES_PER_MS = 48;

    volatile long received;
    volatile long refused;
    volatile long played;
    volatile long lost;
    volatile long late;
    volatile long duplicate;
    volatile long discarded;
    volatile long fecRecovered;
    volatile long resets;
    volatile long concealedSamples;
    volatile long comfortNoiseSamples;
    volatile long acceleratedSamples;
    volatile long expandedSamples;
    volatile long longestGapSamples;
    volatile long levelSamples;
    volatile long targetSamples;

    JitterBufferStats snapshot() {
        return new JitterBufferStats((int) (levelSamples / SAMPLES_PER_MS), (int) (targetSamples / SAMPLES_PER_MS),
                received, played, lost, late, duplicate, refused + discarded, fecRecovered, resets,
                concealedSamples / SAMPLES_PER_MS, comfortNoiseSamples / SAMPLES_PER_MS,
                acceleratedSamples / SAMPLES_PER_MS, expandedSamples / SAMPLES_PER_MS,
                longestGapSamples / SAMPLES_PER_MS);
    }
}
