package dev.confab.testkit.net;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link NetworkLab} for tests and tears it down afterwards, whether the test passed or threw. Registered on
 * an instance field, each test gets a fresh lab; on a static field, the test class shares one:
 * <pre>{@code
 * @RegisterExtension
 * final NetworkLabExtension network = NetworkLabExtension.of(Topology.twoNattedPeersAndServer(ENDPOINT_INDEPENDENT));
 *
 * @Test
 * void reachesTheServer() {
 *     Host alice = network.lab().host("alice");
 *     ...
 * }
 * }</pre>
 * Test methods may also take the lab as a {@code NetworkLab} parameter. Thread-safe for JUnit's callbacks.
 */
public final class NetworkLabExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
    private final Topology topology;
    private volatile boolean perClass;
    private volatile NetworkLab lab;

    private NetworkLabExtension(Topology topology) {
        this.topology = topology;
    }

    public static NetworkLabExtension of(Topology topology) {
        return new NetworkLabExtension(topology);
    }

    /** The running lab; only between the extension's before and after callbacks. */
    public NetworkLab lab() {
        NetworkLab current = lab;
        if (current == null) {
            throw new IllegalStateException("No lab is running: use it inside a test of the class that registers the extension");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        lab = NetworkLab.start(topology);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            lab = NetworkLab.start(topology);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            closeLab();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            closeLab();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NetworkLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lab();
    }

    private void closeLab() {
        NetworkLab current = lab;
        lab = null;
        if (current != null) {
            current.close();
        }
    }
}
