package dev.confab.testkit.net.impairment;

import java.time.Duration;

/**
 * Reads an {@link Impairment} from one line of text, for a relay driven over a control channel: space-separated
 * {@code key=value} settings, any of {@code loss=P}, {@code bursts=MEAN_LOSS/MEAN_LENGTH}, {@code dup=P},
 * {@code delay=MSms}, {@code jitter=MSms}, {@code reorder=P/MSms}, {@code rate=BITS_PER_SECOND}; {@code none} or an
 * empty line for no impairment. Example: {@code loss=0.05 delay=40ms jitter=10ms rate=500000}. Stateless, thread-safe.
 */
public final class ImpairmentSpec {
    private ImpairmentSpec() {}

    /** The impairment {@code spec} describes; fails naming the setting it cannot read. */
    public static Impairment parse(String spec) {
        Impairment impairment = Impairment.NONE;
        Duration delay = Duration.ZERO;
        Duration jitter = Duration.ZERO;
        for (String setting : spec.strip().split("\\s+")) {
            if (setting.isEmpty() || setting.equals("none")) {
                continue;
            }
            int equals = setting.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("Not key=value: '" + setting + "'");
            }
            String value = setting.substring(equals + 1);
            try {
                switch (setting.substring(0, equals)) {
                    case "loss" -> impairment = impairment.withLoss(LossModel.random(Double.parseDouble(value)));
                    case "bursts" -> impairment = impairment.withLoss(LossModel.bursts(
                            Double.parseDouble(first(value)), Double.parseDouble(second(value))));
                    case "dup" -> impairment = impairment.withDuplication(Double.parseDouble(value));
                    case "delay" -> delay = millis(value);
                    case "jitter" -> jitter = millis(value);
                    case "reorder" -> impairment = impairment.withReordering(Double.parseDouble(first(value)),
                            millis(second(value)));
                    case "rate" -> impairment = impairment.withRateLimit(RateLimit.of(Long.parseLong(value)));
                    default -> throw new IllegalArgumentException("unknown setting");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Cannot read '" + setting + "': " + e.getMessage(), e);
            }
        }
        return impairment.withDelay(delay, jitter);
    }

    private static String first(String pair) {
        return pair.substring(0, slash(pair));
    }

    private static String second(String pair) {
        return pair.substring(slash(pair) + 1);
    }

    private static int slash(String pair) {
        int slash = pair.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected two values as A/B");
        }
        return slash;
    }

    private static Duration millis(String value) {
        if (!value.endsWith("ms")) {
            throw new IllegalArgumentException("expected milliseconds such as 20ms");
        }
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
    }
}
