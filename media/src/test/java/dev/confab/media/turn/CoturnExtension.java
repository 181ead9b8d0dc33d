package dev.confab.media.turn;

import dev.confab.testkit.Coturn;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real coturn for all tests of a class: started before the first, stopped after the last, also when tests fail.
 * Register it as a static field with {@code @RegisterExtension}.
 */
final class CoturnExtension implements BeforeAllCallback, AfterAllCallback {
    private final Coturn.Options options;
    private Coturn coturn;

    CoturnExtension(Coturn.Options options) {
        this.options = options;
    }

    /** The running server. */
    Coturn coturn() {
        return coturn;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        coturn = Coturn.start(options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (coturn != null) {
            coturn.close();
        }
    }
}
