package dev.confab.media.call;

import static org.awaitility.Awaitility.await;

import dev.confab.crypto.dtls.DtlsCertificate;
import dev.confab.media.ice.IceAgentConfig;
import dev.confab.testkit.TestRandom;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Makes seeded call sessions for a test, with the scheduler and threads they share, and closes it all after it. */
final class SessionFixture implements AfterEachCallback {
    final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    private final ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    /** A session with loopback candidates, its randomness and certificate from {@code seed}. */
    CallSession session(long seed, CallSessionListener listener) {
        return session(seed, IceAgentConfig.defaults().withLoopback(true), listener);
    }

    CallSession session(long seed, IceAgentConfig ice, CallSessionListener listener) {
        SecureRandom random = TestRandom.seeded(seed);
        CallSession session = CallSession.create(CallSessionConfig.of(ice,
                DtlsCertificate.generate(random, Clock.systemUTC()), timers, virtual, random), listener);
        closing.add(session);
        return session;
    }

    /** The address of the 127.0.0.1 candidate among trickled {@code candidates}, once the session has gathered it. */
    static InetSocketAddress loopbackCandidate(List<String> candidates) {
        await().atMost(Duration.ofSeconds(15)).until(() -> candidates.stream().anyMatch(c -> c.contains(" 127.0.0.1 ")));
        String[] words = candidates.stream().filter(c -> c.contains(" 127.0.0.1 ")).findFirst().orElseThrow()
                .split(" ");
        return new InetSocketAddress(words[4], Integer.parseInt(words[5]));
    }

    /** Closes {@code resource} after the test, before the sessions made earlier. */
    <T extends AutoCloseable> T closeAfter(T resource) {
        closing.add(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        timers.shutdownNow();
        virtual.shutdownNow();
    }
}
