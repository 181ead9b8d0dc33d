package dev.confab.client.core.events;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Notices a connection that went silent without an error (a half-open TCP connection, a dead NAT, a frozen server):
 * once armed with the server's {@code heartbeatSeconds}, it ticks every half heartbeat, asks for a {@code ping}
 * every heartbeat, and reports silence when nothing at all arrived for twice the heartbeat.
 *
 * <p>Not thread-safe: confined to the event thread ({@code loop}), where its callbacks run too.
 */
final class HeartbeatWatchdog {
    private final ScheduledExecutorService loop;
    private final Clock clock;
    private long heartbeatMillis;
    private long lastReceivedAt;
    private long lastPingAt;
    private ScheduledFuture<?> timer;

    HeartbeatWatchdog(ScheduledExecutorService loop, Clock clock) {
        this.loop = loop;
        this.clock = clock;
    }

    /** Something arrived from the server. */
    void heard() {
        lastReceivedAt = clock.millis();
    }

    /** Whether something arrived at or after {@code millis} (of the watchdog's clock). */
    boolean heardSince(long millis) {
        return lastReceivedAt >= millis;
    }

    /**
     * Starts watching a connection the server welcomed; replaces an earlier watch.
     *
     * @param onSilence called with the silence in milliseconds when nothing arrived for twice the heartbeat
     * @param onPing called when a {@code ping} is due
     */
    void start(int heartbeatSeconds, LongConsumer onSilence, Runnable onPing) {
        stop();
        heartbeatMillis = Math.max(1, heartbeatSeconds) * 1000L;
        lastPingAt = clock.millis();
        long tick = Math.max(250, heartbeatMillis / 2);
        timer = loop.scheduleWithFixedDelay(() -> tick(onSilence, onPing), tick, tick, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void tick(LongConsumer onSilence, Runnable onPing) {
        long now = clock.millis();
        long silentFor = now - lastReceivedAt;
        if (silentFor > 2 * heartbeatMillis) {
            stop();
            onSilence.accept(silentFor);
            return;
        }
        if (now - lastPingAt >= heartbeatMillis) {
            lastPingAt = now;
            onPing.run();
        }
    }
}
