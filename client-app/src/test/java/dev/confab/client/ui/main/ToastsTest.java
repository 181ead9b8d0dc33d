package dev.confab.client.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.ui.fx.OnFx;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Notices: a burst about one thing joins one notice that counts them; anything else replaces it. */
@ExtendWith(ApplicationExtension.class)
class ToastsTest {
    private Toasts toasts;
    private final AtomicInteger opened = new AtomicInteger();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
        toasts = new Toasts(stage);
    }

    @AfterEach
    void hide() {
        OnFx.fx(() -> {
            toasts.hide();
            return null;
        });
    }

    @Test
    void aBurstFromOnePersonJoinsOneNoticeThatCountsThemAndShowsTheLatest() {
        assertThat(show("bob\nbob", "bob", "Are you there?")).isTrue();
        assertThat(show("bob\nbob", "bob", "Hello?")).isFalse();
        assertThat(show("bob\nbob", "bob", "Call me")).isFalse();

        assertThat(OnFx.fx(toasts::current)).isEqualTo("bob (3): Call me");
    }

    @Test
    void aNoticeAboutSomethingElseReplacesTheOneShowing() {
        show("bob\nbob", "bob", "Are you there?");
        show("bob\nbob", "bob", "Hello?");

        assertThat(show("carol\ncarol", "carol", "Hi")).isTrue();
        assertThat(OnFx.fx(toasts::current)).isEqualTo("carol: Hi");
        assertThat(show("carol\nMissed call", "Missed call", "carol called you.")).isTrue();
        assertThat(OnFx.fx(toasts::current)).isEqualTo("Missed call: carol called you.");
    }

    @Test
    void afterANoticeIsGoneTheNextOneStartsAgain() {
        show("bob\nbob", "bob", "Are you there?");
        OnFx.fx(() -> {
            toasts.hide();
            return null;
        });

        assertThat(show("bob\nbob", "bob", "Hello?")).isTrue();
        assertThat(OnFx.fx(toasts::current)).isEqualTo("bob: Hello?");
    }

    private boolean show(String key, String title, String text) {
        return OnFx.fx(() -> toasts.show(key, title, text, opened::incrementAndGet));
    }
}
