package dev.confab.crypto.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The replay window's edges: the last index it remembers, the first it forgets, and jumps. */
class ReplayWindowTest {
    private static final int OK = ReplayWindow.OK;
    private static final int REPLAYED = SrtpFailure.REPLAYED.status();
    private static final int TOO_OLD = SrtpFailure.TOO_OLD.status();

    @ParameterizedTest
    @ValueSource(ints = {64, 128, 1024})
    void remembersExactlyTheWindow(int size) {
        ReplayWindow window = new ReplayWindow(size);
        long top = 5000;
        window.accept(top);

        assertThat(window.check(top)).isEqualTo(REPLAYED);
        assertThat(window.check(top + 1)).isEqualTo(OK);
        assertThat(window.check(top - size + 1)).as("oldest remembered").isEqualTo(OK);
        assertThat(window.check(top - size)).as("first forgotten").isEqualTo(TOO_OLD);

        window.accept(top - size + 1);
        assertThat(window.check(top - size + 1)).isEqualTo(REPLAYED);
    }

    @Test
    void outOfOrderAndDuplicates() {
        ReplayWindow window = new ReplayWindow(128);
        for (long i : new long[] {10, 12, 11, 15}) {
            assertThat(window.check(i)).isEqualTo(OK);
            window.accept(i);
        }
        assertThat(window.check(11)).isEqualTo(REPLAYED);
        assertThat(window.check(13)).isEqualTo(OK);
        assertThat(window.check(14)).isEqualTo(OK);
        assertThat(window.highest()).isEqualTo(15);
    }

    @Test
    void aJumpForgetsWhatFellOutAndNotWhatStayed() {
        ReplayWindow window = new ReplayWindow(64);
        for (long i = 0; i < 64; i++) {
            window.accept(i);
        }
        window.accept(100);
        assertThat(window.check(36)).as("fell out").isEqualTo(TOO_OLD);
        assertThat(window.check(37)).as("oldest still remembered").isEqualTo(REPLAYED);
        assertThat(window.check(63)).as("still remembered").isEqualTo(REPLAYED);
        assertThat(window.check(64)).as("never seen, bit cleared on the jump").isEqualTo(OK);

        window.accept(100 + 10_000);
        assertThat(window.check(100 + 9_999)).as("jump past the whole window clears it").isEqualTo(OK);
    }
}
