package dev.confab.client.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.calls.CallState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The words of a call's states and its timer. */
class CallTextsTest {

    @Test
    void theTimerShowsMinutesAndSecondsAndHoursOnlyPastAnHour() {
        assertThat(CallTexts.timer(Duration.ZERO)).isEqualTo("00:00");
        assertThat(CallTexts.timer(Duration.ofSeconds(192))).isEqualTo("03:12");
        assertThat(CallTexts.timer(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59:59");
        assertThat(CallTexts.timer(Duration.ofHours(1).plusSeconds(192))).isEqualTo("1:03:12");
        assertThat(CallTexts.timer(Duration.ofSeconds(-3))).isEqualTo("00:00");
    }

    @Test
    void eachStateReadsAsASentenceNamingThePeerWhereItHelps() {
        assertThat(CallTexts.state(CallState.OUTGOING, "alice")).isEqualTo("Calling alice…");
        assertThat(CallTexts.state(CallState.RINGING, "alice")).isEqualTo("Ringing…");
        assertThat(CallTexts.state(CallState.INCOMING, "alice")).isEqualTo("alice is calling…");
        assertThat(CallTexts.state(CallState.CONNECTING, "alice")).isEqualTo("Connecting…");
        assertThat(CallTexts.state(CallState.RECONNECTING, "alice")).isEqualTo("Reconnecting…");
    }
}
