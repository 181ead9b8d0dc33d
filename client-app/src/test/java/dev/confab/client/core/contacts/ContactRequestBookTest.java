package dev.confab.client.core.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.rest.ContactRequestList;
import dev.confab.protocol.rest.ContactRequestStatus;
import dev.confab.protocol.rest.UserSummary;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request events against reads of the pending requests that were in flight when they came (no server is asked). */
class ContactRequestBookTest {
    private static final UserSummary ME = new UserSummary("u-me", "me", "Me");
    private static final UserSummary BOB = new UserSummary("u-bob", "bob", "Bob");
    private static final UserSummary CAROL = new UserSummary("u-carol", "carol", "Carol");

    private final OkHttpClient http = new OkHttpClient();
    private final ConfabApi api = new ConfabApi("http://127.0.0.1:9", http);
    private final ListenerSet<ContactsListener> listeners = new ListenerSet<>(Runnable::run);
    private final ContactRequestBook book = new ContactRequestBook(new ContactsService(api, listeners), api,
            listeners, new UserDirectory(api));

    @AfterEach
    void closeHttp() {
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void aRequestThatCameWhileTheReadWasInFlightIsKept() {
        book.self(ME.userId());
        book.onChanged(request("r-bob", BOB, ME, ContactRequestStatus.PENDING), 5);
        book.replace(new ContactRequestList(List.of(), List.of()), 4); // read began after 4 list events
        assertThat(book.snapshot().incoming()).extracting(ContactRequest::requestId).containsExactly("r-bob");
    }

    @Test
    void aRequestAnsweredWhileTheReadWasInFlightStaysAnswered() {
        book.self(ME.userId());
        ContactRequest mine = request("r-carol", ME, CAROL, ContactRequestStatus.PENDING);
        book.onChanged(request("r-carol", ME, CAROL, ContactRequestStatus.DECLINED), 7);
        book.replace(new ContactRequestList(List.of(), List.of(mine)), 6);
        assertThat(book.snapshot().outgoing()).isEmpty();
    }

    @Test
    void theReadWinsOverEventsThatCameBeforeItBegan() {
        book.self(ME.userId());
        book.onChanged(request("r-bob", BOB, ME, ContactRequestStatus.PENDING), 2); // since accepted elsewhere
        book.replace(new ContactRequestList(List.of(), List.of()), 3);
        assertThat(book.snapshot().incoming()).isEmpty();
    }

    private static ContactRequest request(String id, UserSummary from, UserSummary to, ContactRequestStatus status) {
        return new ContactRequest(id, from, to, "hi", status, 1L);
    }
}
