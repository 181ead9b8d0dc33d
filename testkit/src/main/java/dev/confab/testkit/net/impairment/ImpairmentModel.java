package dev.confab.testkit.net.impairment;

import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Decides the fate of each datagram of one direction under an {@link Impairment}: lost, dropped by a full rate-limit
 * queue, or delivered at a time, perhaps twice. Deterministic: the same seed, settings, arrival times and sizes give the
 * same fates. Every datagram draws the same six random numbers whatever the settings, so runs with the same seed but
 * different settings stay aligned (a datagram lost at 5% loss is also lost at 10%). Usable without sockets, for tests
 * that impair an in-memory path. Not thread-safe: one thread decides, in arrival order.
 */
public final class ImpairmentModel {
    private final SplittableRandom random;
    private final TokenBucket bucket = new TokenBucket();
    private boolean bad;

    public ImpairmentModel(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The fate of a datagram of {@code size} bytes arriving at {@code arrivalNanos} (any monotonic clock). */
    public Fate decide(Impairment impairment, long arrivalNanos, int size) {
        double transition = random.nextDouble();
        double lossDraw = random.nextDouble();
        double duplicateDraw = random.nextDouble();
        double reorderDraw = random.nextDouble();
        double jitterDraw = random.nextDouble();
        double duplicateJitterDraw = random.nextDouble();

        if (lost(impairment.loss(), transition, lossDraw)) {
            return new Fate.Lost();
        }
        long wait = bucket.admit(impairment.rateLimit(), arrivalNanos, size);
        if (wait < 0) {
            return new Fate.Overflowed();
        }
        boolean reordered = reorderDraw < impairment.reorderProbability();
        long at = arrivalNanos + wait + delay(impairment, jitterDraw)
                + (reordered ? impairment.reorderDelay().toNanos() : 0);
        OptionalLong duplicateAt = OptionalLong.empty();
        if (duplicateDraw < impairment.duplicateProbability()) {
            long duplicateWait = bucket.admit(impairment.rateLimit(), arrivalNanos, size);
            if (duplicateWait >= 0) {
                duplicateAt = OptionalLong.of(arrivalNanos + duplicateWait + delay(impairment, duplicateJitterDraw));
            }
        }
        return new Fate.Delivered(at, duplicateAt);
    }

    private boolean lost(LossModel loss, double transition, double draw) {
        return switch (loss) {
            case LossModel.None _ -> false;
            case LossModel.Random random -> draw < random.probability();
            case LossModel.GilbertElliott chain -> {
                bad = bad ? transition >= chain.badToGood() : transition < chain.goodToBad();
                yield draw < (bad ? chain.lossInBad() : chain.lossInGood());
            }
        };
    }

    private static long delay(Impairment impairment, double jitterDraw) {
        long jitter = impairment.jitter().toNanos();
        long offset = jitter == 0 ? 0 : Math.round((2 * jitterDraw - 1) * jitter);
        return Math.max(0, impairment.delay().toNanos() + offset);
    }
}
