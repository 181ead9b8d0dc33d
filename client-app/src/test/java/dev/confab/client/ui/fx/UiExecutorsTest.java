package dev.confab.client.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.ClientException;
import dev.confab.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Background work and its outcome on the UI thread: what ran where, and the sentence a failure becomes. */
class UiExecutorsTest {
    private final List<String> log = new ArrayList<>();
    private final UiExecutors run = new UiExecutors(labelled("ui"), labelled("background"));

    @Test
    void aSuccessHandsItsValueToTheUiAndNothingToTheFailureSide() {
        run.attempt("Counting", () -> {
            log.add("work");
            return 42;
        }, value -> log.add("done " + value), why -> log.add("failed " + why));

        assertThat(log).containsExactly("on background", "work", "on ui", "done 42");
    }

    @Test
    void aFailureBecomesTheSentenceToShowOnTheUi() {
        run.attempt("Unblocking bob", () -> {
            throw new ClientException(ErrorCode.FORBIDDEN, "You cannot unblock yourself.");
        }, () -> log.add("done"), why -> log.add("failed: " + why));
        run.attempt("Unblocking bob", () -> {
            throw new IllegalStateException("a bug");
        }, () -> log.add("done"), why -> log.add("failed: " + why));

        assertThat(log).containsExactly("on background", "on ui", "failed: You cannot unblock yourself.",
                "on background", "on ui",
                "failed: Unblocking bob failed unexpectedly. Try again; if it keeps failing, the log file says more.");
    }

    private Executor labelled(String name) {
        return task -> {
            log.add("on " + name);
            task.run();
        };
    }
}
