package dev.confab.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.accounts.UserRecord;
import dev.confab.server.config.ServerConfig;
import dev.confab.server.devices.DeviceRepository;
import dev.confab.server.storage.Database;
import dev.confab.server.storage.DatabaseFactory;
import dev.confab.server.storage.Sql;
import dev.confab.server.support.Timers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A push that fails on a database error resumes by itself, on a timer, once the database answers again. */
class InboxStreamTest {
    @TempDir
    Path dir;
    private Database db;
    private final InboxRepository inbox = new InboxRepository();
    private final List<ServerMessage> pushed = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final Timers timers = (delay, task) -> {
        delays.add(delay);
        scheduled.add(task);
        return () -> {};
    };

    @BeforeEach
    void open() {
        db = DatabaseFactory.open(new ServerConfig.Database("jdbc:sqlite:" + dir.resolve("t.db"), "", "", 2,
                Duration.ofSeconds(30)));
        db.write(c -> {
            new AccountRepository().insert(c, new UserRecord("u_1", "ursula", "Ursula", "hash", 1));
            new DeviceRepository().insert(c, "d_1", "u_1", "phone", 1);
            for (long seq = 1; seq <= 3; seq++) {
                inbox.insertMessage(c, "d_1", seq, "m" + seq, "u_2", "d_2", "u_1", new byte[] {1, 2, 3}, seq);
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void rename(String from, String to) {
        db.write(c -> Sql.update(c, "ALTER TABLE " + from + " RENAME TO " + to));
    }

    @Test
    void aFailedDrainIsRetriedOnATimerWithoutAnotherEvent() {
        InboxStream stream = new InboxStream("d_1", db, inbox, Runnable::run, timers, pushed::add);
        rename("inbox", "inbox_away");
        stream.wake();
        assertThat(pushed).isEmpty();
        assertThat(delays).containsExactly(InboxStream.FIRST_RETRY);

        scheduled.removeFirst().run(); // still away: the next retry waits longer
        assertThat(delays).containsExactly(InboxStream.FIRST_RETRY, InboxStream.FIRST_RETRY.multipliedBy(2));

        rename("inbox_away", "inbox");
        scheduled.removeFirst().run();
        assertThat(pushed).extracting(m -> ((ServerMessage.Inbox) m).seq()).containsExactly(1L, 2L, 3L);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void retriesBackOffToAtMostThirtySeconds() {
        InboxStream stream = new InboxStream("d_1", db, inbox, Runnable::run, timers, pushed::add);
        rename("inbox", "inbox_away");
        stream.wake();
        for (int i = 0; i < 8; i++) {
            scheduled.removeFirst().run();
        }
        assertThat(delays.getLast()).isEqualTo(InboxStream.LAST_RETRY);
        stream.close();
        scheduled.removeFirst().run();
        assertThat(scheduled).as("a closed stream stops retrying").isEmpty();
    }
}
