package dev.confab.bench.video;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The glass-to-glass times of one direction of a Confab video call over the counted time, from the stamps of the test
 * pattern read back from the pictures shown: how many pictures had one, how many did not, and the times' median, 95th
 * percentile (nearest rank), least and greatest. Immutable.
 *
 * @param direction    such as {@code caller to callee}
 * @param pictures     pictures whose stamp read back
 * @param unstamped    pictures shown whose stamp did not read back (not in the times)
 * @param medianMillis the median time, ms (NaN without pictures)
 * @param p95Millis    the 95th percentile, ms (NaN without pictures)
 * @param minMillis    the least, ms (NaN without pictures)
 * @param maxMillis    the greatest, ms (NaN without pictures)
 */
record GlassToGlass(String direction, int pictures, long unstamped, double medianMillis, double p95Millis,
                    double minMillis, double maxMillis) {

    /**
     * Reads a {@code latency-samples} reply: the unstamped pictures, then each time in ms.
     *
     * @throws IllegalArgumentException when a field is not a number, or there is none
     */
    static GlassToGlass parse(String direction, String[] fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("latency-samples replies with at least the unstamped count");
        }
        int[] sorted = Arrays.stream(fields, 1, fields.length).mapToInt(Integer::parseInt).sorted().toArray();
        long unstamped = Long.parseLong(fields[0]);
        if (sorted.length == 0) {
            return new GlassToGlass(direction, 0, unstamped, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        int p95Rank = (int) Math.ceil(0.95 * sorted.length);
        return new GlassToGlass(direction, sorted.length, unstamped, median, sorted[p95Rank - 1], sorted[0],
                sorted[sorted.length - 1]);
    }

    /** The report's table of {@code directions}, one row each. */
    static List<String> table(List<GlassToGlass> directions, long countedSeconds) {
        List<String> lines = new ArrayList<>(List.of(
                "| Confab glass-to-glass, " + countedSeconds + " s counted | median (ms) | p95 (ms) | min (ms) |"
                        + " max (ms) | pictures | without a readable stamp |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"));
        for (GlassToGlass direction : directions) {
            lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.0f | %.0f | %d | %d |", direction.direction,
                    direction.medianMillis, direction.p95Millis, direction.minMillis, direction.maxMillis,
                    direction.pictures, direction.unstamped));
        }
        return lines;
    }
}
