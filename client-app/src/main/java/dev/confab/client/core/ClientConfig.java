package dev.confab.client.core;

import dev.confab.client.core.calls.CallSettings;
import dev.confab.client.core.events.Backoff;
import dev.confab.client.core.store.Profile;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How to build a {@link ConfabClient}: which profile, which server, and the injected clock and randomness.
 * Immutable; make one with {@link #builder(Profile)} and change it with {@link #toBuilder()}.
 *
 * @param serverUrl the server; null means the one the profile last signed in to, else {@link #DEFAULT_SERVER}
 * @param random keys, nonces and ids
 * @param backoffRandom the reconnect jitter (seed it in tests)
 * @param calls how calls run (loopback candidates, reconnect time, the start-up warm-up)
 */
public record ClientConfig(Profile profile, String serverUrl, String deviceName, Clock clock, SecureRandom random,
        RandomGenerator backoffRandom, Duration backoffInitial, Duration backoffMax, double backoffJitter,
        Duration connectTimeout, Duration readTimeout, CallSettings calls) {
    public static final String DEFAULT_SERVER = "http://127.0.0.1:8470";

    public ClientConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(backoffRandom, "backoffRandom");
        Objects.requireNonNull(calls, "calls");
    }

    public static Builder builder(Profile profile) {
        return new Builder(profile);
    }

    public Builder toBuilder() {
        Builder b = new Builder(profile);
        b.serverUrl = serverUrl;
        b.deviceName = deviceName;
        b.clock = clock;
        b.random = random;
        b.backoffRandom = backoffRandom;
        b.backoffInitial = backoffInitial;
        b.backoffMax = backoffMax;
        b.backoffJitter = backoffJitter;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.calls = calls;
        return b;
    }

    /** Builds a {@link ClientConfig}; every setting has a default. Not thread-safe. */
    public static final class Builder {
        private final Profile profile;
        private String serverUrl;
        private String deviceName = defaultDeviceName();
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;
        private RandomGenerator backoffRandom;
        private Duration backoffInitial = Backoff.DEFAULT_INITIAL;
        private Duration backoffMax = Backoff.DEFAULT_MAX;
        private double backoffJitter = Backoff.DEFAULT_JITTER;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(20);
        private CallSettings calls = CallSettings.defaults();

        private Builder(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
        }

        public Builder serverUrl(String serverUrl) {
            this.serverUrl = serverUrl;
            return this;
        }

        public Builder deviceName(String deviceName) {
            this.deviceName = deviceName;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        public Builder backoffRandom(RandomGenerator backoffRandom) {
            this.backoffRandom = backoffRandom;
            return this;
        }

        public Builder backoff(Duration initial, Duration max, double jitter) {
            this.backoffInitial = initial;
            this.backoffMax = max;
            this.backoffJitter = jitter;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = connect;
            this.readTimeout = read;
            return this;
        }

        public Builder calls(CallSettings calls) {
            this.calls = calls;
            return this;
        }

        public ClientConfig build() {
            SecureRandom secure = random != null ? random : new SecureRandom();
            return new ClientConfig(profile, serverUrl, deviceName, clock, secure,
                    backoffRandom != null ? backoffRandom : secure, backoffInitial, backoffMax, backoffJitter,
                    connectTimeout, readTimeout, calls);
        }

        private static String defaultDeviceName() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "this computer";
            }
            String name = "confab on " + host;
            return name.length() > 64 ? name.substring(0, 64) : name;
        }
    }
}
