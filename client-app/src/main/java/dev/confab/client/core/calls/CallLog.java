package dev.confab.client.core.calls;

import dev.confab.client.core.store.LocalStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This device's call history, kept in the profile's {@link LocalStore} (table {@code call_log}: ids, kinds, times and
 * reasons, nothing sensitive): every call is recorded when it ends, by an observer the {@link CallManager} registers
 * before any other, so whoever hears {@link CallObserver#onCallEnded} finds the call in {@link #history} already.
 *
 * <p>Thread-safe: the store serializes every access.
 */
public final class CallLog {
    private final LocalStore store;

    public CallLog(LocalStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The calls with {@code peerUserId}, newest first, at most {@code limit}. */
    public List<CallRecord> history(String peerUserId, int limit) {
        Objects.requireNonNull(peerUserId, "peerUserId");
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT * FROM call_log WHERE peer_id = ? ORDER BY started DESC, call_id LIMIT ?")) {
                s.setString(1, peerUserId);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    List<CallRecord> records = new ArrayList<>();
                    while (r.next()) {
                        records.add(record(r));
                    }
                    return records;
                }
            }
        });
    }

    /** Keeps {@code record} (a record of the same call replaces it). */
    public void add(CallRecord record) {
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT OR REPLACE INTO call_log(call_id, peer_id, outgoing, video, started, answered, ended,
                        end_reason, missed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, record.callId());
                s.setString(2, record.peerUserId());
                s.setInt(3, record.direction() == CallDirection.OUTGOING ? 1 : 0);
                s.setInt(4, record.video() ? 1 : 0);
                s.setLong(5, record.started().toEpochMilli());
                if (record.answered().isPresent()) {
                    s.setLong(6, record.answered().get().toEpochMilli());
                } else {
                    s.setNull(6, java.sql.Types.INTEGER);
                }
                s.setLong(7, record.ended().toEpochMilli());
                s.setString(8, record.endReason().name());
                s.setInt(9, record.missed() ? 1 : 0);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The observer that records each call as it ends; the manager registers it first. */
    CallObserver recorder() {
        return new CallObserver() {
            @Override
            public void onCallEnded(Call call, CallEnd end) {
                add(CallRecord.of(call, end));
            }
        };
    }

    private static CallRecord record(ResultSet r) throws SQLException {
        long answered = r.getLong("answered");
        Optional<Instant> answeredAt = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(answered));
        return new CallRecord(r.getString("call_id"), r.getString("peer_id"),
                r.getInt("outgoing") == 1 ? CallDirection.OUTGOING : CallDirection.INCOMING, r.getInt("video") == 1,
                Instant.ofEpochMilli(r.getLong("started")), answeredAt, Instant.ofEpochMilli(r.getLong("ended")),
                EndReason.valueOf(r.getString("end_reason")), r.getInt("missed") == 1);
    }
}
