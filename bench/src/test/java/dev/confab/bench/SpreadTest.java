package dev.confab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {
    @Test
    void anOddCountHasItsMiddleValueAsMedian() {
        assertThat(Spread.of(List.of(9.0, 1.0, 5.0))).isEqualTo(new Spread(5.0, 1.0, 9.0, 3));
    }

    @Test
    void anEvenCountHasTheMeanOfItsTwoMiddleValues() {
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(new Spread(3.0, 1.0, 10.0, 4));
    }

    @Test
    void noValuesHaveNoFigures() {
        Spread none = Spread.of(List.of());
        assertThat(none.count()).isZero();
        assertThat(none.median()).isNaN();
    }
}
