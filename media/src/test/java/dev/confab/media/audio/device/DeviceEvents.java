package dev.confab.media.audio.device;

import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Records the events of a capture or playout, for a test to wait on. Thread-safe. */
final class DeviceEvents implements Consumer<DeviceEvent> {
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(DeviceEvent event) {
        events.add(event);
    }

    List<DeviceEvent> all() {
        return List.copyOf(events);
    }

    /** Waits for an event of {@code type} that {@code match} accepts and returns it. */
    <T extends DeviceEvent> T awaitEvent(Class<T> type, Predicate<T> match, Duration timeout) {
        Awaitility.await(type.getSimpleName() + " in " + events).atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> events.stream().filter(type::isInstance).map(type::cast).anyMatch(match));
        return events.stream().filter(type::isInstance).map(type::cast).filter(match).findFirst().orElseThrow();
    }
}
