package dev.confab.client.core.internal;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Client-made ids (message and call ids): random version-4 UUIDs from the injected generator. Stateless. */
public final class Ids {
    private Ids() {}

    public static String uuid(RandomGenerator random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
