package dev.confab.testkit.net.impairment;

import java.time.Duration;

/**
 * What one direction of an {@link ImpairmentRelay} does to datagrams, applied in this order: loss; duplication (the
 * copy follows the original); the rate limit's queue; then a delay of {@code delay} plus a uniform jitter in
 * {@code [-jitter, +jitter]} (never below zero; a jitter wider than the gap between datagrams reorders them, as it
 * does on real paths); and, with {@code reorderProbability}, an extra {@code reorderDelay} that lets later datagrams
 * overtake this one. An immutable value; change one with the {@code with...} methods.
 */
public record Impairment(LossModel loss, double duplicateProbability, RateLimit rateLimit, Duration delay,
        Duration jitter, double reorderProbability, Duration reorderDelay) {
    /** Passes everything at once. */
    public static final Impairment NONE = new Impairment(LossModel.NONE, 0, RateLimit.UNLIMITED, Duration.ZERO,
            Duration.ZERO, 0, Duration.ZERO);

    public Impairment {
        checkProbability("duplicate probability", duplicateProbability);
        checkProbability("reorder probability", reorderProbability);
        if (delay.isNegative() || jitter.isNegative() || reorderDelay.isNegative()) {
            throw new IllegalArgumentException("Negative delay, jitter or reorder delay");
        }
    }

    public Impairment withLoss(LossModel newLoss) {
        return new Impairment(newLoss, duplicateProbability, rateLimit, delay, jitter, reorderProbability, reorderDelay);
    }

    public Impairment withDuplication(double probability) {
        return new Impairment(loss, probability, rateLimit, delay, jitter, reorderProbability, reorderDelay);
    }

    public Impairment withRateLimit(RateLimit limit) {
        return new Impairment(loss, duplicateProbability, limit, delay, jitter, reorderProbability, reorderDelay);
    }

    /** A one-way delay of {@code newDelay} ± {@code newJitter}. */
    public Impairment withDelay(Duration newDelay, Duration newJitter) {
        return new Impairment(loss, duplicateProbability, rateLimit, newDelay, newJitter, reorderProbability, reorderDelay);
    }

    /** With {@code probability}, a datagram is held {@code extraDelay} longer, so later ones overtake it. */
    public Impairment withReordering(double probability, Duration extraDelay) {
        return new Impairment(loss, duplicateProbability, rateLimit, delay, jitter, probability, extraDelay);
    }

    static void checkProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("The " + what + " must be between 0 and 1: " + p);
        }
    }
}
