package dev.confab.server;

import dev.confab.server.config.ServerConfig;
import dev.confab.server.limits.RateLimits;
import dev.confab.server.metrics.ServerMetrics;
import dev.confab.server.storage.Database;
import dev.confab.server.storage.DatabaseFactory;
import dev.confab.server.support.ExecutorTimers;
import dev.confab.server.support.IdGenerator;
import dev.confab.server.ws.ConnectionRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What every feature shares: configuration, clock and randomness (injected), the database, metrics, rate limits,
 * timers, the connection registry (which is also the event notifier) and a virtual-thread executor for background
 * work (inbox pushes, database chores).
 * Closing it stops the timers and the executor and closes the database. Thread-safe.
 */
record Core(ServerConfig config, Clock clock, SecureRandom random, IdGenerator ids, Database db,
        ServerMetrics metrics, RateLimits limits, ExecutorTimers timers, ConnectionRegistry registry,
        ExecutorService background) implements AutoCloseable {

    static Core open(ServerConfig config, Clock clock, SecureRandom random) {
        ServerMetrics metrics = new ServerMetrics();
        Database db = DatabaseFactory.open(config.database());
        return new Core(config, clock, random, new IdGenerator(random), db, metrics,
                RateLimits.from(config.limits(), clock, metrics::rateLimited), new ExecutorTimers(),
                new ConnectionRegistry(config.limits().webSockets().connectionsPerSession(),
                        config.limits().webSockets().connectionsPerUser()),
                Executors.newVirtualThreadPerTaskExecutor());
    }

    @Override
    public void close() {
        timers.close();
        background.shutdownNow();
        db.close();
    }
}
