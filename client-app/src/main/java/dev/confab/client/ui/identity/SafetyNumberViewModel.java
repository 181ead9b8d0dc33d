package dev.confab.client.ui.identity;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.keys.KeyDirectory;
import dev.confab.client.ui.fx.Problems;
import dev.confab.client.ui.fx.UiExecutors;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One contact's safety number to compare with theirs (same digits on both sides: nobody is in the middle), how far
 * this device trusts their keys, and {@link #markVerified()} once the user compared. {@link #start()} fetches both
 * users' current keys and shows the number; it follows key changes and trust decisions made elsewhere.
 *
 * <p>Thread contract: methods and properties on the UI executor; the server is asked on the background executor.
 */
public final class SafetyNumberViewModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SafetyNumberViewModel.class);
    private static final int GROUPS_PER_LINE = 4;

    private final ConfabClient client;
    private final UiExecutors run;
    private final String peerUserId;
    private final String peerName;
    private final ReadOnlyStringWrapper safetyNumber = new ReadOnlyStringWrapper(this, "safetyNumber", "");
    private final ReadOnlyObjectWrapper<PeerTrust> trust = new ReadOnlyObjectWrapper<>(this, "trust", PeerTrust.UNKNOWN);
    private final ReadOnlyStringWrapper trustText = new ReadOnlyStringWrapper(this, "trustText", PeerTrust.UNKNOWN.description());
    private final ReadOnlyBooleanWrapper canMarkVerified = new ReadOnlyBooleanWrapper(this, "canMarkVerified");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final PeerKeyWatch watch;

    public SafetyNumberViewModel(ConfabClient client, UiExecutors run, String peerUserId) {
        this.client = Objects.requireNonNull(client, "client");
        this.run = Objects.requireNonNull(run, "run");
        this.peerUserId = Objects.requireNonNull(peerUserId, "peerUserId");
        this.peerName = client.contacts().nameOf(peerUserId);
        this.watch = new PeerKeyWatch(client, run, peerUserId, this::reload);
    }

    /** Starts following key changes and fetches both users' keys from the server to show the current number. */
    public void start() {
        watch.start();
        load(true);
    }

    /** The contact's name, for titles. */
    public String peerName() {
        return peerName;
    }

    /** 60 digits in 12 groups of 5, four groups a line; empty until known. */
    public ReadOnlyStringProperty safetyNumberProperty() {
        return safetyNumber.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PeerTrust> trustProperty() {
        return trust.getReadOnlyProperty();
    }

    /** The trust state as a sentence. */
    public ReadOnlyStringProperty trustTextProperty() {
        return trustText.getReadOnlyProperty();
    }

    /** Whether {@link #markVerified()} applies: the keys are known and not verified yet (or changed since). */
    public ReadOnlyBooleanProperty canMarkVerifiedProperty() {
        return canMarkVerified.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong last, as a sentence; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The user compared the numbers and they match: trusts the contact's current keys and marks them verified. */
    public void markVerified() {
        busy.set(true);
        problem.set("");
        run.background().execute(() -> {
            try {
                client.keys().markVerified(peerUserId);
                Shown shown = read();
                watch.ui(() -> show(shown));
            } catch (RuntimeException e) {
                fail("Marking " + peerName + " verified", e);
            }
        });
    }

    /** Stops following key changes; work still running is dropped when it ends. */
    @Override
    public void close() {
        watch.close();
    }

    private void reload() {
        load(false);
    }

    private void load(boolean fetch) {
        busy.set(true);
        run.background().execute(() -> {
            String fetchProblem = "";
            if (fetch) {
                try {
                    KeyDirectory keys = client.keys();
                    keys.refresh(client.account().require().userId());
                    keys.refresh(peerUserId);
                } catch (RuntimeException e) {
                    log.info("Keys of {} not fetched: {}", peerUserId, e.toString());
                    fetchProblem = Problems.message("Fetching " + peerName + "'s keys", e)
                            + " The number below is from the keys this device knows.";
                }
            }
            try {
                Shown shown = read();
                String note = fetchProblem;
                watch.ui(() -> {
                    show(shown);
                    problem.set(note);
                });
            } catch (RuntimeException e) {
                fail("Showing the safety number", e);
            }
        });
    }

    private Shown read() {
        PeerTrust state = PeerTrust.of(client.keys().devices(peerUserId), client.keys().verified(peerUserId));
        String number;
        try {
            number = grouped(client.keys().safetyNumber(peerUserId));
        } catch (IllegalStateException e) {
            number = "";
        }
        return new Shown(number, state);
    }

    private void show(Shown shown) {
        busy.set(false);
        safetyNumber.set(shown.number());
        trust.set(shown.trust());
        trustText.set(shown.number().isEmpty() && shown.trust() != PeerTrust.INVALID
                ? "No keys known yet for " + peerName + ". Try again when you are online."
                : shown.trust().description());
        canMarkVerified.set(shown.trust().canBeVerified());
    }

    private void fail(String what, RuntimeException e) {
        String message = Problems.message(what, e);
        watch.ui(() -> {
            busy.set(false);
            problem.set(message);
        });
    }

    /** Four groups of five digits a line. */
    static String grouped(String number) {
        String[] groups = number.strip().split("\\s+");
        return IntStream.range(0, (groups.length + GROUPS_PER_LINE - 1) / GROUPS_PER_LINE)
                .mapToObj(line -> String.join(" ", Arrays.copyOfRange(groups, line * GROUPS_PER_LINE,
                        Math.min(groups.length, (line + 1) * GROUPS_PER_LINE))))
                .collect(Collectors.joining("\n"));
    }

    private record Shown(String number, PeerTrust trust) {}
}
