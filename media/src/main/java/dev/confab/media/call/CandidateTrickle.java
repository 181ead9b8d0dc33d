package dev.confab.media.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * This side's candidate lines on their way to the peer ({@link CallSessionListener#localCandidate}): held until the
 * description they belong with has gone out, since a peer cannot use a candidate before it has the description, then
 * the held ones and every later one passed straight on, in order. At most {@value #MAX_HELD} are held.
 *
 * <p>Thread contract: thread-safe; {@code send} is called under this object's lock, in order, and must not block.
 */
public final class CandidateTrickle {
    static final int MAX_HELD = 64;

    private final Consumer<String> send;
    private final List<String> held = new ArrayList<>();
    private boolean flowing;

    /** @param send carries one line (empty for end-of-candidates) to the peer */
    public CandidateTrickle(Consumer<String> send) {
        this.send = Objects.requireNonNull(send, "send");
    }

    /** A line from the session: sent now if the description went out, else held. */
    public synchronized void candidate(String line) {
        if (flowing) {
            send.accept(line);
        } else if (held.size() < MAX_HELD) {
            held.add(line);
        }
    }

    /** The description went out: the held lines go now, later ones as they come. */
    public synchronized void descriptionSent() {
        flowing = true;
        held.forEach(send);
        held.clear();
    }
}
