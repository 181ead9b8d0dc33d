package dev.confab.bench.load;

import dev.confab.bench.MarkdownReport;
import dev.confab.crypto.identity.DeviceIdentity;
import dev.confab.protocol.PresenceState;
import dev.confab.protocol.inbox.InboxMessage;
import dev.confab.protocol.rest.Account;
import dev.confab.protocol.rest.ContactRequest;
import dev.confab.protocol.rest.DeviceKeysUpload;
import dev.confab.protocol.rest.Envelope;
import dev.confab.protocol.rest.LoginRequest;
import dev.confab.protocol.rest.LoginResponse;
import dev.confab.protocol.rest.NewContactRequest;
import dev.confab.protocol.rest.RegisterRequest;
import dev.confab.protocol.rest.SendMessageRequest;
import dev.confab.protocol.rest.SendMessageResponse;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.testkit.ServerProcess;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Opens N concurrent WebSocket clients against one Confab server, makes each the contact of its neighbours,
 * then measures presence fan-out (a user changes state; every contact hears it) and message delivery (a REST
 * send; the recipient's inbox push), and finally checks the connections are still held. Prints a Markdown table.
 * The server is started by the driver (SQLite, cheap password hashing, high rate limits) unless {@code --server}
 * names a running one. Runs on its own thread pool; not a library.
 */
@Command(name = "confab-load", mixinStandardHelpOptions = true,
        description = "Signaling load benchmark: concurrent WebSocket clients, presence fan-out and message delivery.")
public final class LoadDriver implements Callable<Integer> {
    @Option(names = "--users", description = "Concurrent clients (one user each). Default: ${DEFAULT-VALUE}.")
    int users = 10_000;
    @Option(names = "--contacts", description = "Contacts per user (even). Default: ${DEFAULT-VALUE}.")
    int contacts = 10;
    @Option(names = "--presence-changes", description = "Presence changes to time. Default: ${DEFAULT-VALUE}.")
    int presenceChanges = 2_000;
    @Option(names = "--presence-rate", description = "Presence changes per second. Default: ${DEFAULT-VALUE}.")
    int presenceRate = 200;
    @Option(names = "--messages", description = "Messages to time. Default: ${DEFAULT-VALUE}.")
    int messages = 10_000;
    @Option(names = "--message-rate", description = "Messages sent per second. Default: ${DEFAULT-VALUE}.")
    int messageRate = 500;
    @Option(names = "--hold-seconds", description = "How long to hold every connection at the end. Default: ${DEFAULT-VALUE}.")
    int holdSeconds = 30;
    @Option(names = "--concurrency", description = "Requests in flight during setup. Default: ${DEFAULT-VALUE}.")
    int concurrency = 64;
    @Option(names = "--seed", description = "Seed of every random choice. Default: ${DEFAULT-VALUE}.")
    long seed = 42;
    @Option(names = "--server", description = "Base URL of a running server; by default the driver starts one.")
    String serverUrl;
    @Option(names = "--server-data", description = "Where a started server keeps its data and log. Default: ${DEFAULT-VALUE}.")
    java.nio.file.Path serverData = java.nio.file.Path.of("bench", "target", "load-server");
    @Option(names = "--server-set", description = "Extra key=value settings for the server the driver starts.")
    Map<String, String> serverSettings = new java.util.LinkedHashMap<>();

    private final Latencies presenceLatency = new Latencies();
    private final Latencies messageLatency = new Latencies();
    private final Map<String, long[]> presenceSentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> messageSentAt = new ConcurrentHashMap<>();
    private final AtomicLong presenceHeard = new AtomicLong();
    private final AtomicLong messagesHeard = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean timing;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadDriver()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (contacts % 2 != 0 || contacts >= users) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--contacts must be even and below --users");
        }
        ServerProcess server = serverUrl == null ? startServer() : null;
        String base = server != null ? server.baseUrl() : serverUrl;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<BenchSocket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            Rest rest = new Rest(http, base);
            long started = System.nanoTime();
            BenchUser[] people = new BenchUser[users];
            phase("register, sign in, upload keys", users, workers, i -> people[i] = enrol(rest, i));
            phase("make contacts", users * contacts / 2, workers, k -> befriend(rest, people, k));
            connectAll(http, base.replaceFirst("^http", "ws") + "/api/v1/ws", people, sockets);
            double setupSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Setup done in %.0f s: %d connections open%n", setupSeconds, countOpen(sockets));

            timing = true;
            double presenceSeconds = timePresence(sockets);
            double messageSeconds = timeMessages(rest, people, workers);
            System.out.printf("Holding %d connections for %d s...%n", sockets.size(), holdSeconds);
            TimeUnit.SECONDS.sleep(holdSeconds);
            int held = countOpen(sockets);
            report(held, presenceSeconds, messageSeconds, setupSeconds);
            return held == users && failures.get() == 0 ? 0 : 1;
        } finally {
            // HttpClient.close() would wait for every open WebSocket: close them, then stop the client outright.
            sockets.forEach(BenchSocket::close);
            http.shutdownNow();
            if (server != null) {
                server.close();
            }
        }
    }

    private ServerProcess startServer() {
        // Production JVM defaults (C2, G1) with a fixed heap; the data directory (and its log) is kept.
        ServerProcess.Builder builder = ServerProcess.builder().jvmOptions(List.of("-Xmx2g"))
                .dataDir(serverData.resolve("run-" + System.currentTimeMillis()));
        // Every simulated client comes from one address: lift the per-address limits, keep per-session ones.
        for (String limit : List.of("limits.register-per-address", "limits.sign-in-per-address",
                "limits.requests-per-address", "limits.requests-per-session")) {
            builder.set(limit, "1000000/1s");
        }
        serverSettings.forEach(builder::set);
        System.out.println("Starting a Confab server for the run...");
        ServerProcess process = builder.build().start();
        System.out.println("Server at " + process.baseUrl() + " (log " + process.dataDir().resolve("server.log") + ")");
        return process;
    }

    private BenchUser enrol(Rest rest, int index) {
        String username = "load" + index;
        String password = "load-password-" + index;
        Account account = rest.post("/api/v1/accounts", null, new RegisterRequest(username, password, null), Account.class);
        LoginResponse login = rest.post("/api/v1/sessions", null,
                new LoginRequest(username, password, "load device", null), LoginResponse.class);
        var keys = DeviceIdentity.generate(seeded(seed + index)).publicKeys();
        rest.put("/api/v1/devices/current/keys", login.token(), new DeviceKeysUpload(keys.identityKeyBase64(),
                keys.agreementKeyBase64(), keys.agreementKeySignatureBase64()), Void.class);
        return new BenchUser(index, username, account.userId(), login.deviceId(), login.token());
    }

    /** Pair {@code k}: user {@code k / (contacts/2)} asks its neighbour at distance {@code 1 + k % (contacts/2)}. */
    private void befriend(Rest rest, BenchUser[] people, int k) {
        int half = contacts / 2;
        BenchUser from = people[k / half];
        BenchUser to = people[(from.index() + 1 + k % half) % users];
        ContactRequest request = rest.post("/api/v1/contact-requests", from.token(),
                new NewContactRequest(null, to.userId(), null), ContactRequest.class);
        rest.post("/api/v1/contact-requests/" + request.requestId() + "/accept", to.token(), null, Void.class);
    }

    private void connectAll(HttpClient http, String wsUrl, BenchUser[] people, List<BenchSocket> sockets)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency * 4);
        long start = System.nanoTime();
        for (BenchUser user : people) {
            inFlight.acquire();
            BenchSocket.connect(http, wsUrl, user, this::onMessage).whenComplete((socket, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                    System.err.println("connect " + user.username() + ": " + error);
                } else {
                    sockets.add(socket);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency * 4);
        System.out.printf("  connect %d WebSockets: %.1f s%n", sockets.size(), (System.nanoTime() - start) / 1e9);
    }

    private double timePresence(List<BenchSocket> sockets) throws InterruptedException {
        // Users take turns in a seeded shuffled order, so one user's changes are a whole round apart and the
        // events of one change are never mistaken for those of the next.
        List<BenchSocket> order = new ArrayList<>(sockets);
        java.util.Collections.shuffle(order, new Random(seed));
        long expected = (long) presenceChanges * contacts;
        long start = System.nanoTime();
        pace(presenceChanges, presenceRate, i -> {
            BenchSocket socket = order.get(i % order.size());
            String userId = socket.user().userId();
            long[] previous = presenceSentAt.get(userId);
            PresenceState next = previous != null && previous[1] == PresenceState.AWAY.ordinal()
                    ? PresenceState.ONLINE : PresenceState.AWAY;
            presenceSentAt.put(userId, new long[] {System.nanoTime(), next.ordinal()});
            socket.send(new ClientMessage.SetPresence("p" + i, next));
        });
        awaitCount(presenceHeard, expected, "presence events");
        return (System.nanoTime() - start) / 1e9;
    }

    private double timeMessages(Rest rest, BenchUser[] people, ExecutorService workers) throws InterruptedException {
        Random random = new Random(seed + 1);
        byte[] ciphertext = new byte[300];
        random.nextBytes(ciphertext);
        String body = Base64.getEncoder().encodeToString(ciphertext);
        long start = System.nanoTime();
        pace(messages, messageRate, i -> {
            BenchUser from = people[random.nextInt(users)];
            int half = contacts / 2;
            int distance = 1 + random.nextInt(half);
            BenchUser to = people[Math.floorMod(from.index() + (random.nextBoolean() ? distance : -distance), users)];
            String messageId = "m" + i;
            workers.submit(() -> {
                try {
                    messageSentAt.put(messageId, System.nanoTime());
                    rest.post("/api/v1/messages", from.token(), new SendMessageRequest(messageId, to.userId(),
                            List.of(new Envelope(to.deviceId(), body))), SendMessageResponse.class);
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    System.err.println("send " + messageId + ": " + e.getMessage());
                }
            });
        });
        awaitCount(messagesHeard, messages, "messages");
        return (System.nanoTime() - start) / 1e9;
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void onMessage(BenchUser user, ServerMessage message) {
        if (!timing) {
            return;
        }
        long now = System.nanoTime();
        switch (message) {
            case ServerMessage.Presence p -> {
                long[] sent = presenceSentAt.get(p.userId());
                if (sent != null && sent[1] == p.state().ordinal()) {
                    presenceLatency.add(now - sent[0]);
                    presenceHeard.incrementAndGet();
                }
            }
            case ServerMessage.Inbox inbox when inbox.item() instanceof InboxMessage m -> {
                Long sent = messageSentAt.get(m.messageId());
                if (sent != null) {
                    messageLatency.add(now - sent);
                    messagesHeard.incrementAndGet();
                }
            }
            default -> { }
        }
    }

    private void report(int held, double presenceSeconds, double messageSeconds, double setupSeconds)
            throws java.io.IOException {
        String table = String.join("\n",
                "%d users with %d contacts each; %d presence changes at %d/s; %d messages offered at %d/s; every"
                        .formatted(users, contacts, presenceChanges, presenceRate, messages, messageRate),
                "connection then held %d s more; seed %d.".formatted(holdSeconds, seed),
                "",
                "| measure | value |",
                "| --- | --- |",
                "| concurrent WebSocket connections opened / still held at the end | %,d / %,d |".formatted(users, held),
                "| presence fan-out latency p50 / p99 (%,d events heard) | %.1f ms / %.1f ms |".formatted(
                        presenceLatency.count(), presenceLatency.percentileMillis(50), presenceLatency.percentileMillis(99)),
                "| presence events delivered per second | %,.0f |".formatted(presenceLatency.count() / presenceSeconds),
                "| messages delivered / per second (offered %,d/s) | %,d / %,.0f |".formatted(messageRate,
                        messageLatency.count(), messageLatency.count() / messageSeconds),
                "| message delivery latency p50 / p99 (REST send to recipient's WebSocket) | %.1f ms / %.1f ms |"
                        .formatted(messageLatency.percentileMillis(50), messageLatency.percentileMillis(99)),
                "| setup: %,d registrations, %,d contact pairs, %,d connects | %.0f s |".formatted(users,
                        users * contacts / 2, users, setupSeconds),
                "| failed operations | %,d |".formatted(failures.get()));
        MarkdownReport.publish(table, java.nio.file.Path.of("bench", "target", "load-report.md"));
    }

    private void phase(String name, int count, ExecutorService workers, IntConsumer task) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = i;
            inFlight.acquire();
            workers.submit(() -> {
                try {
                    task.accept(index);
                } catch (RuntimeException e) {
                    if (failures.incrementAndGet() < 10) {
                        System.err.println(name + " #" + index + ": " + e.getMessage());
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
        System.out.printf("  %s x%d: %.1f s%n", name, count, (System.nanoTime() - start) / 1e9);
    }

    private static void pace(int count, int perSecond, IntConsumer action) {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            action.accept(i);
            next += interval;
        }
    }

    private static void awaitCount(AtomicLong counter, long expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (counter.get() < expected && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        if (counter.get() < expected) {
            System.err.printf("Only %d of %d %s arrived within 120 s%n", counter.get(), expected, what);
        }
    }

    private static int countOpen(List<BenchSocket> sockets) {
        return (int) sockets.stream().filter(BenchSocket::isOpen).count();
    }
}
