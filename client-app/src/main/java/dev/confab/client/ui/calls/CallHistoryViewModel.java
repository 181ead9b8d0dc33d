package dev.confab.client.ui.calls;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallDirection;
import dev.confab.client.core.calls.CallEnd;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.calls.CallRecord;
import dev.confab.client.ui.fx.UiExecutors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The calls with one contact, newest first, from this device's persisted call log; reloaded whenever a call with
 * them ends. Missed calls are flagged for the danger colour.
 *
 * <p>Thread contract: the list and properties change on {@code run.ui()} only; the log is read on
 * {@code run.background()}.
 */
public final class CallHistoryViewModel implements AutoCloseable {
    /** How many calls the history shows. */
    static final int LIMIT = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final ConfabClient client;
    private final UiExecutors run;
    private final String peerUserId;
    private final Clock clock;
    private final ObservableList<CallHistoryItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final CallObserver observer = new CallObserver() {
        @Override
        public void onCallEnded(Call call, CallEnd end) {
            if (call.peerUserId().equals(peerUserId)) {
                refresh();
            }
        }
    };

    /** Shows the calls with {@code peerUserId}, loading them at once; times in {@code clock}'s zone. */
    public CallHistoryViewModel(ConfabClient client, UiExecutors run, String peerUserId, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.run = Objects.requireNonNull(run, "run");
        this.peerUserId = Objects.requireNonNull(peerUserId, "peerUserId");
        this.clock = Objects.requireNonNull(clock, "clock");
        client.calls().addObserver(observer);
        refresh();
    }

    /** Newest first. */
    public ObservableList<CallHistoryItem> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Reads the log again in the background. */
    public void refresh() {
        run.attempt("Reading the call history",
                () -> client.calls().history(peerUserId, LIMIT).stream().map(this::item).toList(), rows -> {
                    items.setAll(rows);
                    problem.set("");
                }, problem::set);
    }

    private CallHistoryItem item(CallRecord r) {
        String kind = (r.direction() == CallDirection.OUTGOING ? "Outgoing " : "Incoming ")
                + (r.video() ? "video" : "audio") + " call";
        return new CallHistoryItem(r.callId(), r.direction(), r.video(), kind, when(r), result(r), r.missed());
    }

    private String when(CallRecord r) {
        ZonedDateTime at = r.started().atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        if (at.toLocalDate().equals(today)) {
            return "Today " + TIME.format(at);
        }
        if (at.toLocalDate().equals(today.minusDays(1))) {
            return "Yesterday " + TIME.format(at);
        }
        return DAY.format(at);
    }

    private static String result(CallRecord r) {
        if (r.talked().isPresent()) {
            return CallTexts.timer(r.talked().get());
        }
        if (r.missed()) {
            return "Missed";
        }
        return switch (r.endReason()) {
            case DECLINED, DECLINED_BY_YOU, DECLINED_ELSEWHERE -> "Declined";
            case CANCELLED_BY_YOU -> "Cancelled";
            case BUSY -> "Busy";
            case ANSWERED_ELSEWHERE -> "Answered on another device";
            default -> "Not answered";
        };
    }

    @Override
    public void close() {
        client.calls().removeObserver(observer);
    }
}
