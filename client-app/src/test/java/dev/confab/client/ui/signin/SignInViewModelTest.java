package dev.confab.client.ui.signin;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.app.DesktopProfiles;
import dev.confab.client.ui.app.TestProfiles;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.client.ui.signin.SignInViewModel.Mode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SignInViewModelTest {
    @RegisterExtension
    static final Friends friends = Friends.standard();

    @TempDir
    Path root;

    private final List<ConfabClient> signedIn = new ArrayList<>();

    @AfterEach
    void closeClients() {
        signedIn.forEach(ConfabClient::close);
    }

    private SignInViewModel model(DesktopProfiles profiles) {
        return new SignInViewModel(profiles, friends.server().baseUrl(), UiExecutors.direct(), signedIn::add);
    }

    @Test
    void registeringOpensTheNewAccountAndTheNextStartOffersIt() {
        DesktopProfiles profiles = TestProfiles.under(root);
        SignInViewModel model = model(profiles);
        model.modeProperty().set(Mode.REGISTER);
        model.usernameProperty().set("dora");
        model.displayNameProperty().set("Dora D.");
        model.passwordProperty().set(TestUser.PASSWORD);
        model.repeatPasswordProperty().set(TestUser.PASSWORD);

        model.submit();

        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(signedIn).singleElement().satisfies(client -> {
            assertThat(client.account().require().username()).isEqualTo("dora");
            eventually().until(() -> client.connection().connected());
        });
        assertThat(model.passwordProperty().get()).as("the password is not kept").isEmpty();
        SignInViewModel next = new SignInViewModel(profiles, "http://elsewhere:8470", UiExecutors.direct(), signedIn::add);
        assertThat(next.usernameProperty().get()).isEqualTo("dora");
        assertThat(next.serverProperty().get()).isEqualTo(friends.server().baseUrl());
    }

    @Test
    void aWrongPasswordSaysSoAndKeepsTheForm() {
        SignInViewModel model = model(TestProfiles.under(root));
        model.usernameProperty().set(friends.alice().username);
        model.passwordProperty().set("not the password at all");

        model.submit();

        assertThat(signedIn).isEmpty();
        assertThat(model.problemProperty().get()).isEqualTo("The username or the password is not correct");
        assertThat(model.usernameProperty().get()).isEqualTo(friends.alice().username);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.canSubmitProperty().get()).isTrue();
    }

    @Test
    void aTakenUserNameIsRefusedInWords() {
        SignInViewModel model = model(TestProfiles.under(root));
        model.modeProperty().set(Mode.REGISTER);
        model.usernameProperty().set(friends.bob().username);
        model.passwordProperty().set(TestUser.PASSWORD);
        model.repeatPasswordProperty().set(TestUser.PASSWORD);

        model.submit();

        assertThat(model.problemProperty().get()).isEqualTo("That username is taken");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void anUnreachableServerIsNamedWithWhatToCheck() {
        SignInViewModel model = model(TestProfiles.under(root));
        model.serverProperty().set("http://127.0.0.1:1");
        model.usernameProperty().set("erin");
        model.passwordProperty().set(TestUser.PASSWORD);

        model.submit();

        assertThat(model.problemProperty().get())
                .startsWith("Cannot reach the Confab server at http://127.0.0.1:1")
                .contains("Check that it is running");
    }

    @Test
    void theFormIsCheckedBeforeAskingTheServer() {
        SignInViewModel model = model(TestProfiles.under(root));
        model.modeProperty().set(Mode.REGISTER);
        model.usernameProperty().set("frank");
        model.passwordProperty().set(TestUser.PASSWORD);
        model.repeatPasswordProperty().set(TestUser.PASSWORD + "x");
        model.submit();
        assertThat(model.problemProperty().get()).isEqualTo("The two passwords differ. Type the same password twice.");

        model.repeatPasswordProperty().set(TestUser.PASSWORD);
        model.serverProperty().set("127.0.0.1:8470");
        model.submit();
        assertThat(model.problemProperty().get()).contains("should look like http://");

        model.serverProperty().set("");
        assertThat(model.canSubmitProperty().get()).isFalse();
        assertThat(signedIn).isEmpty();
        assertThat(root.resolve("users/frank")).as("no profile was made").doesNotExist();
    }
}
