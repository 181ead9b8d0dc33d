package dev.confab.bench.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GlassToGlassTest {

    @Test
    void aggregatesTheTimesOfAReply() {
        // 20 times, 1..20 ms, shuffled: median 10.5, nearest-rank p95 the 19th
        String[] reply = Stream.concat(Stream.of("3"), IntStream.rangeClosed(1, 20).map(i -> (i * 7) % 20 + 1)
                .mapToObj(Integer::toString)).toArray(String[]::new);

        assertThat(GlassToGlass.parse("caller to callee", reply))
                .isEqualTo(new GlassToGlass("caller to callee", 20, 3, 10.5, 19, 1, 20));
    }

    @Test
    void anOddCountHasItsMiddleTimeAsTheMedian() {
        GlassToGlass times = GlassToGlass.parse("callee to caller", "0 40 20 30".split(" "));
        assertThat(times.medianMillis()).isEqualTo(30);
        assertThat(times.p95Millis()).isEqualTo(40);
    }

    @Test
    void withoutStampedPicturesTheTimesAreNotANumber() {
        GlassToGlass times = GlassToGlass.parse("caller to callee", new String[] {"12"});
        assertThat(times.pictures()).isZero();
        assertThat(times.unstamped()).isEqualTo(12);
        assertThat(times.medianMillis()).isNaN();
    }

    @Test
    void theTableHasARowADirection() {
        List<String> table = GlassToGlass.table(List.of(new GlassToGlass("caller to callee", 600, 1, 52.5, 71, 38,
                120)), 20);
        assertThat(table).containsExactly(
                "| Confab glass-to-glass, 20 s counted | median (ms) | p95 (ms) | min (ms) | max (ms) | pictures |"
                        + " without a readable stamp |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
                "| caller to callee | 52.5 | 71 | 38 | 120 | 600 | 1 |");
    }
}
