package dev.confab.server.config;

import dev.confab.protocol.rest.SendMessageRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's configuration as typed values, checked once at start-up. Immutable.
 *
 * @param settings       the raw settings it was read from (for {@code --print-config} and logging)
 * @param tls            HTTPS and WSS on the port; empty: plain HTTP (behind a TLS-terminating proxy)
 * @param allowedOrigins the web origins whose browser pages may use the REST API and the event WebSocket
 */
public record ServerConfig(Settings settings, String bind, int port, Optional<Tls> tls, AllowedOrigins allowedOrigins,
        Path dataDir, Database database, Argon2 argon2, Duration sessionTtl, Limits limits, Quotas quotas, Calls calls,
        Duration heartbeat, Turn turn, boolean metricsEnabled, LogFormat logFormat, String logLevel) {
    /** Most devices an account may have: each message then still fits in {@link SendMessageRequest#MAX_ENVELOPES}. */
    public static final int MAX_DEVICES_PER_USER = (SendMessageRequest.MAX_ENVELOPES + 1) / 2;

    /** Where the data lives: the JDBC URL (SQLite file when not configured) and the pool. */
    public record Database(String url, String user, String password, int poolSize, Duration checkpointInterval) {
        public boolean isSqlite() {
            return url.startsWith("jdbc:sqlite:");
        }
    }

    /** The TLS key material and how often its files are checked for a renewal. */
    public record Tls(TlsFiles files, Duration reloadCheck) {}

    /** Argon2id parameters for new password hashes, and how many may run at once. */
    public record Argon2(int memoryKiB, int iterations, int parallelism, int maxConcurrent) {}

    /** Sizes and rates. */
    public record Limits(int maxBodyBytes, int maxWsFrameBytes, WebSockets webSockets, RateSpec signInPerUsername,
            RateSpec signInPerAddress, RateSpec registerPerAddress, RateSpec requestsPerSession,
            RateSpec requestsPerAddress, RateSpec wsMessagesPerSession, RateSpec userLookupsPerUser,
            RateSpec contactRequestsPerUser) {}

    /** What one WebSocket client may hold on the server: connections, and queued frames by count and bytes. */
    public record WebSockets(int outboundQueue, long outboundBytes, Duration writeTimeout, int connectionsPerSession,
            int connectionsPerUser) {}

    /** How much each account keeps: devices, inbox items, and how long unused devices and declines last. */
    public record Quotas(int devicesPerUser, int inboxMaxItems, Duration deviceExpiry, Duration declineCooldown) {}

    /** Call relay timers. */
    public record Calls(Duration ringTimeout, Duration reconnectGrace) {}

    /** coturn shared secret and the ICE server URLs handed to clients. */
    public record Turn(String secret, List<String> turnUrls, List<String> stunUrls, Duration ttl) {}

    /** How log lines are written. */
    public enum LogFormat { TEXT, JSON }

    /** Reads and checks every value; the first bad one is a {@link ConfigException} naming its key. */
    public static ServerConfig from(Settings s) {
        Path dataDir = Path.of(text(s, ConfigKey.DATA_DIR));
        String url = text(s, ConfigKey.DATABASE_URL);
        if (url.isEmpty()) {
            url = "jdbc:sqlite:" + dataDir.resolve("confab.db");
        } else if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw bad(s, ConfigKey.DATABASE_URL, "expected a jdbc:sqlite: or jdbc:postgresql: URL");
        }
        Database database = new Database(url, text(s, ConfigKey.DATABASE_USER), s.get(ConfigKey.DATABASE_PASSWORD),
                integer(s, ConfigKey.DATABASE_POOL_SIZE, 1, 200),
                Duration.ofSeconds(integer(s, ConfigKey.DATABASE_CHECKPOINT_SECONDS, 1, 86_400)));
        Argon2 argon2 = new Argon2(integer(s, ConfigKey.ARGON2_MEMORY_KIB, 8, 1024 * 1024),
                integer(s, ConfigKey.ARGON2_ITERATIONS, 1, 64), integer(s, ConfigKey.ARGON2_PARALLELISM, 1, 16),
                integer(s, ConfigKey.ARGON2_MAX_CONCURRENT, 1, 1024));
        if (argon2.memoryKiB() < 8 * argon2.parallelism()) {
            throw bad(s, ConfigKey.ARGON2_MEMORY_KIB, "must be at least 8 KiB per lane of security.argon2.parallelism");
        }
        WebSockets webSockets = new WebSockets(integer(s, ConfigKey.WS_OUTBOUND_QUEUE, 16, 1_000_000),
                integer(s, ConfigKey.WS_OUTBOUND_BYTES, 64 * 1024, 1024 * 1024 * 1024),
                Duration.ofSeconds(integer(s, ConfigKey.WS_WRITE_TIMEOUT_SECONDS, 1, 3600)),
                integer(s, ConfigKey.WS_CONNECTIONS_PER_SESSION, 1, 64),
                integer(s, ConfigKey.WS_CONNECTIONS_PER_USER, 1, 1024));
        Limits limits = new Limits(integer(s, ConfigKey.MAX_BODY_BYTES, 1024, 64 * 1024 * 1024),
                integer(s, ConfigKey.MAX_WS_FRAME_BYTES, 1024, 16 * 1024 * 1024), webSockets,
                rate(s, ConfigKey.SIGN_IN_PER_USERNAME), rate(s, ConfigKey.SIGN_IN_PER_ADDRESS),
                rate(s, ConfigKey.REGISTER_PER_ADDRESS), rate(s, ConfigKey.REQUESTS_PER_SESSION),
                rate(s, ConfigKey.REQUESTS_PER_ADDRESS), rate(s, ConfigKey.WS_MESSAGES_PER_SESSION),
                rate(s, ConfigKey.USER_LOOKUPS_PER_USER), rate(s, ConfigKey.CONTACT_REQUESTS_PER_USER));
        Quotas quotas = new Quotas(integer(s, ConfigKey.DEVICES_PER_USER, 1, MAX_DEVICES_PER_USER),
                integer(s, ConfigKey.INBOX_MAX_ITEMS, 16, 10_000_000),
                Duration.ofDays(integer(s, ConfigKey.DEVICE_EXPIRY_DAYS, 1, 36_500)),
                Duration.ofHours(integer(s, ConfigKey.DECLINE_COOLDOWN_HOURS, 0, 24 * 365)));
        // Every valid message to a user with the most devices (and the sender's other devices) must fit a body.
        int largestSend = SendMessageRequest.maxEncodedBytes(2 * quotas.devicesPerUser() - 1);
        if (limits.maxBodyBytes() < largestSend) {
            throw bad(s, ConfigKey.MAX_BODY_BYTES, "must be at least " + largestSend + " so a message to a user with "
                    + quotas.devicesPerUser() + " devices (" + ConfigKey.DEVICES_PER_USER.key() + ") fits");
        }
        Calls calls = new Calls(Duration.ofSeconds(integer(s, ConfigKey.RING_TIMEOUT_SECONDS, 1, 3600)),
                Duration.ofSeconds(integer(s, ConfigKey.RECONNECT_GRACE_SECONDS, 0, 3600)));
        Turn turn = new Turn(s.get(ConfigKey.TURN_SECRET), urls(s, ConfigKey.TURN_URLS), urls(s, ConfigKey.STUN_URLS),
                Duration.ofSeconds(integer(s, ConfigKey.TURN_TTL_SECONDS, 60, 30 * 86_400)));
        if (!turn.turnUrls().isEmpty() && turn.secret().isEmpty()) {
            throw bad(s, ConfigKey.TURN_SECRET, "turn.urls is set, so turn.secret must be set too");
        }
        String level = text(s, ConfigKey.LOG_LEVEL).toLowerCase(Locale.ROOT);
        if (!List.of("trace", "debug", "info", "warn", "error").contains(level)) {
            throw bad(s, ConfigKey.LOG_LEVEL, "expected trace, debug, info, warn or error");
        }
        return new ServerConfig(s, text(s, ConfigKey.SERVER_BIND), integer(s, ConfigKey.SERVER_PORT, 0, 65_535), tls(s),
                origins(s, ConfigKey.CORS_ALLOWED_ORIGINS), dataDir, database, argon2, Duration.ofDays(integer(s, ConfigKey.SESSION_TTL_DAYS, 1, 3650)), limits,
                quotas, calls, Duration.ofSeconds(integer(s, ConfigKey.HEARTBEAT_SECONDS, 1, 3600)), turn,
                bool(s, ConfigKey.METRICS_ENABLED), logFormat(s), level);
    }

    private static String text(Settings s, ConfigKey key) {
        String value = s.get(key).strip();
        if (key == ConfigKey.SERVER_BIND && value.isEmpty()) {
            throw bad(s, key, "expected an address such as 127.0.0.1");
        }
        return value;
    }

    private static int integer(Settings s, ConfigKey key, int min, int max) {
        try {
            int value = Integer.parseInt(s.get(key).strip());
            if (value < min || value > max) {
                throw bad(s, key, "expected a number from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw bad(s, key, "expected a whole number from " + min + " to " + max);
        }
    }

    private static boolean bool(Settings s, ConfigKey key) {
        return switch (s.get(key).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(s, key, "expected true or false");
        };
    }

    private static RateSpec rate(Settings s, ConfigKey key) {
        try {
            return RateSpec.parse(s.get(key).strip());
        } catch (IllegalArgumentException e) {
            throw bad(s, key, "expected <count>/<period> such as 10/5m (" + e.getMessage() + ")");
        }
    }

    private static List<String> urls(Settings s, ConfigKey key) {
        List<String> urls = Arrays.stream(s.get(key).split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        for (String url : urls) {
            if (!url.matches("(stun|stuns|turn|turns):[^\\s]+")) {
                throw bad(s, key, "'" + url + "' is not a stun:, stuns:, turn: or turns: URL");
            }
        }
        return urls;
    }

    private static Optional<Tls> tls(Settings s) {
        Duration reloadCheck = Duration.ofSeconds(integer(s, ConfigKey.TLS_RELOAD_CHECK_SECONDS, 1, 86_400));
        String keystore = text(s, ConfigKey.TLS_KEYSTORE);
        String certificate = text(s, ConfigKey.TLS_CERTIFICATE);
        String privateKey = text(s, ConfigKey.TLS_PRIVATE_KEY);
        boolean pem = !certificate.isEmpty() || !privateKey.isEmpty();
        if (!keystore.isEmpty() && pem) {
            throw new ConfigException(ConfigKey.TLS_KEYSTORE.key(), "Both tls.keystore and tls.certificate/tls.private-key"
                    + " are set (from " + s.origin(ConfigKey.TLS_KEYSTORE) + " and " + s.origin(pem(certificate)) + "):"
                    + " give either a PKCS#12 keystore or a PEM certificate and key, not both");
        }
        if (!keystore.isEmpty()) {
            return Optional.of(new Tls(new TlsFiles.Keystore(Path.of(keystore), s.get(ConfigKey.TLS_KEYSTORE_PASSWORD)),
                    reloadCheck));
        }
        if (!s.get(ConfigKey.TLS_KEYSTORE_PASSWORD).isEmpty()) {
            throw bad(s, ConfigKey.TLS_KEYSTORE_PASSWORD, "it is only used with tls.keystore, which is not set");
        }
        if (certificate.isEmpty() != privateKey.isEmpty()) {
            ConfigKey missing = certificate.isEmpty() ? ConfigKey.TLS_CERTIFICATE : ConfigKey.TLS_PRIVATE_KEY;
            throw new ConfigException(missing.key(), "tls.certificate and tls.private-key go together, but only "
                    + pem(certificate).key() + " is set (from " + s.origin(pem(certificate)) + ")");
        }
        return pem ? Optional.of(new Tls(new TlsFiles.Pem(Path.of(certificate), Path.of(privateKey)), reloadCheck))
                : Optional.empty();
    }

    /** The PEM key that is set: the certificate's when it is. */
    private static ConfigKey pem(String certificate) {
        return certificate.isEmpty() ? ConfigKey.TLS_PRIVATE_KEY : ConfigKey.TLS_CERTIFICATE;
    }

    private static AllowedOrigins origins(Settings s, ConfigKey key) {
        try {
            return AllowedOrigins.parse(s.get(key));
        } catch (IllegalArgumentException e) {
            throw bad(s, key, e.getMessage());
        }
    }

    private static LogFormat logFormat(Settings s) {
        return switch (s.get(ConfigKey.LOG_FORMAT).strip().toLowerCase(Locale.ROOT)) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw bad(s, ConfigKey.LOG_FORMAT, "expected text or json");
        };
    }

    private static ConfigException bad(Settings s, ConfigKey key, String expectation) {
        String shown = key.secret() ? "<secret>" : "'" + s.get(key) + "'";
        return new ConfigException(key.key(), "Invalid value " + shown + " for " + key.key() + " (from "
                + s.origin(key) + "): " + expectation);
    }
}
