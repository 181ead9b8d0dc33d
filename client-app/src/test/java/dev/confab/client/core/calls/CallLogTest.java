package dev.confab.client.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.store.LocalStore;
import dev.confab.client.core.store.Profile;
import dev.confab.client.testing.Seeded;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call log in the profile's store: records come back newest first per peer, with or without an answer; a store of
 * schema 2 gains the table; a wiped store forgets the calls; and which calls count as missed.
 */
class CallLogTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void callsComeBackNewestFirstPerPeerAcrossReopeningAndAreForgottenWhenWiped() {
        Profile profile = new Profile(dir.resolve("p"));
        CallRecord answered = new CallRecord("c1", "bob", CallDirection.OUTGOING, true, T0,
                Optional.of(T0.plusSeconds(5)), T0.plusSeconds(197), EndReason.HUNG_UP_BY_PEER, false);
        CallRecord missed = new CallRecord("c2", "bob", CallDirection.INCOMING, false, T0.plusSeconds(600),
                Optional.empty(), T0.plusSeconds(620), EndReason.MISSED, true);
        CallRecord other = new CallRecord("c3", "carol", CallDirection.INCOMING, false, T0.plusSeconds(700),
                Optional.empty(), T0.plusSeconds(701), EndReason.DECLINED_BY_YOU, false);
        try (LocalStore store = LocalStore.open(profile, Seeded.secureRandom(1))) {
            CallLog log = new CallLog(store);
            log.add(answered);
            log.add(missed);
            log.add(other);
        }
        try (LocalStore store = LocalStore.open(profile, Seeded.secureRandom(2))) {
            CallLog log = new CallLog(store);
            assertThat(log.history("bob", 10)).containsExactly(missed, answered);
            assertThat(log.history("bob", 1)).containsExactly(missed);
            assertThat(log.history("carol", 10)).containsExactly(other);
            assertThat(answered.talked()).hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(192));
            assertThat(missed.talked()).isEmpty();
            store.wipe();
            assertThat(log.history("bob", 10)).isEmpty();
        }
    }

    @Test
    void aStoreOfSchemaTwoGainsTheCallLog() {
        Profile profile = new Profile(dir.resolve("p"));
        try (LocalStore store = LocalStore.open(profile, Seeded.secureRandom(3))) {
            store.write(c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("DROP TABLE call_log");
                    s.execute("PRAGMA user_version = 2");
                }
                return null;
            });
        }
        try (LocalStore upgraded = LocalStore.open(profile, Seeded.secureRandom(4))) {
            CallLog log = new CallLog(upgraded);
            CallRecord record = new CallRecord("c1", "bob", CallDirection.OUTGOING, false, T0, Optional.empty(),
                    T0.plusSeconds(30), EndReason.NO_ANSWER, false);
            log.add(record);
            assertThat(log.history("bob", 10)).containsExactly(record);
        }
    }

    @Test
    void onlyAnIncomingCallNobodyAnsweredOrDeclinedIsMissed() {
        assertThat(CallRecord.missed(CallDirection.INCOMING, false, EndReason.MISSED)).isTrue();
        assertThat(CallRecord.missed(CallDirection.INCOMING, false, EndReason.MISSED_WHILE_BUSY)).isTrue();
        assertThat(CallRecord.missed(CallDirection.INCOMING, false, EndReason.NO_ANSWER)).isTrue();
        assertThat(CallRecord.missed(CallDirection.INCOMING, false, EndReason.DECLINED_BY_YOU)).isFalse();
        assertThat(CallRecord.missed(CallDirection.INCOMING, false, EndReason.DECLINED_ELSEWHERE)).isFalse();
        assertThat(CallRecord.missed(CallDirection.INCOMING, false, EndReason.ANSWERED_ELSEWHERE)).isFalse();
        assertThat(CallRecord.missed(CallDirection.INCOMING, true, EndReason.HUNG_UP_BY_PEER)).isFalse();
        assertThat(CallRecord.missed(CallDirection.OUTGOING, false, EndReason.NO_ANSWER)).isFalse();
    }
}
