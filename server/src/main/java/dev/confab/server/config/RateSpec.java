package dev.confab.server.config;

import java.time.Duration;

/**
 * A token-bucket limit written {@code <count>/<period>}, such as {@code 10/5m}: up to {@code count} at once,
 * refilled at {@code count} per {@code period}. Periods take {@code s}, {@code m} or {@code h}. Immutable and
 * thread-safe.
 */
public record RateSpec(int count, Duration period) {
    public RateSpec {
        if (count < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("count and period must be positive");
        }
    }

    /** Parses {@code 10/5m}; throws IllegalArgumentException with a reason otherwise. */
    public static RateSpec parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1 || slash == text.length() - 1) {
            throw new IllegalArgumentException("expected <count>/<period> such as 10/5m");
        }
        int count = Integer.parseInt(text.substring(0, slash).strip());
        String p = text.substring(slash + 1).strip();
        char unit = p.charAt(p.length() - 1);
        long amount = Character.isDigit(unit) ? Long.parseLong(p) : Long.parseLong(p.substring(0, p.length() - 1));
        Duration period = switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> {
                if (Character.isDigit(unit)) {
                    yield Duration.ofSeconds(amount);
                }
                throw new IllegalArgumentException("the period unit must be s, m or h");
            }
        };
        return new RateSpec(count, period);
    }
}
