package dev.confab.client.selftest;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One check of the self-test: it exercises one layer (crypto, a codec, sound, cameras) on this machine, without a
 * network, and says what it found. {@link SelfTest} runs each on a thread of its own with a timeout. Immutable; the
 * body keeps no state between runs.
 *
 * @param name     the short name printed before the finding, such as {@code crypto}
 * @param required whether the layer is needed on every machine: a body that throws or times out fails the
 *                 self-test when it is required; otherwise (sound, cameras: a server machine has none) it is a warning
 * @param body     runs the check and returns what it found (a missing device is a {@link Finding.Status#WARN}); it
 *                 throws when the layer does not work, and the message becomes the sentence printed
 */
public record SelfCheck(String name, boolean required, Callable<Finding> body) {
    public SelfCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
    }
}
