package dev.confab.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link PulseAudio} daemon for tests and stops it afterwards, whether the test passed or threw. On a static
 * field the test class shares one daemon (devices made in one test are still there in the next); on an instance field
 * each test gets a fresh one:
 * <pre>{@code
 * @RegisterExtension
 * static final PulseAudioExtension PULSE = new PulseAudioExtension();
 *
 * @Test
 * void plays() {
 *     VirtualDevice.Speaker speaker = PULSE.pulse().addSpeaker("spk", "Test speaker");
 *     ...
 * }
 * }</pre>
 * Test methods may also take the daemon as a {@code PulseAudio} parameter. Thread-safe for JUnit's callbacks.
 */
public final class PulseAudioExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
    private volatile boolean perClass;
    private volatile PulseAudio pulse;

    /** The running daemon; only between the extension's before and after callbacks. */
    public PulseAudio pulse() {
        PulseAudio current = pulse;
        if (current == null) {
            throw new IllegalStateException("PulseAudio is not running: use it inside a test of the class that"
                    + " registers the extension");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        pulse = PulseAudio.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            pulse = PulseAudio.start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PulseAudio.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return pulse();
    }

    private void stop() {
        PulseAudio current = pulse;
        pulse = null;
        if (current != null) {
            current.close();
        }
    }
}
