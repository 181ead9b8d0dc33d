package dev.confab.media.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CandidateTrickleTest {
    private final List<String> sent = new ArrayList<>();
    private final CandidateTrickle trickle = new CandidateTrickle(sent::add);

    @Test
    void linesWaitForTheDescriptionThenGoInOrderAndLaterOnesGoAtOnce() {
        trickle.candidate("candidate:1");
        trickle.candidate("candidate:2");
        assertThat(sent).isEmpty();

        trickle.descriptionSent();
        assertThat(sent).containsExactly("candidate:1", "candidate:2");
        trickle.candidate("");
        assertThat(sent).containsExactly("candidate:1", "candidate:2", "");
    }

    @Test
    void holdsAtMostItsLimit() {
        IntStream.range(0, CandidateTrickle.MAX_HELD + 10).forEach(i -> trickle.candidate("candidate:" + i));
        trickle.descriptionSent();
        assertThat(sent).hasSize(CandidateTrickle.MAX_HELD).startsWith("candidate:0");
    }
}
