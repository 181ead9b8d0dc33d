package dev.confab.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key the server knows, with its default and a sentence for the example file and
 * {@code --print-config}. A key is written the same in a properties file and in {@code --set}; its environment
 * variable is {@code CONFAB_} plus the key in upper case with dots and dashes as underscores. Immutable.
 */
public enum ConfigKey {
    SERVER_BIND("server.bind", "127.0.0.1", "Address to listen on (0.0.0.0 for every interface)."),
    SERVER_PORT("server.port", "8470", "TCP port for HTTP and the WebSocket."),
    TLS_KEYSTORE("tls.keystore", "", "PKCS#12 file with the certificate chain and private key: the server then"
            + " speaks HTTPS and WSS on server.port. Empty, and no tls.certificate: plain HTTP."),
    TLS_KEYSTORE_PASSWORD("tls.keystore-password", "", "Password of tls.keystore (and of the key in it).", true),
    TLS_CERTIFICATE("tls.certificate", "", "PEM certificate chain, server certificate first (certbot's"
            + " fullchain.pem); instead of tls.keystore, together with tls.private-key."),
    TLS_PRIVATE_KEY("tls.private-key", "", "Unencrypted PEM private key of tls.certificate (certbot's privkey.pem)."),
    TLS_RELOAD_CHECK_SECONDS("tls.reload-check-seconds", "60", "Seconds between checks whether the TLS files"
            + " changed; changed files are loaded for new connections, so a renewed certificate needs no restart."),
    CORS_ALLOWED_ORIGINS("http.cors-allowed-origins", "", "Comma-separated web origins (scheme://host[:port], no"
            + " path) whose pages may call the REST API and open the event WebSocket from a browser; empty: none."
            + " Requests and WebSocket upgrades that carry any other Origin are refused with 403; clients that send"
            + " no Origin (the confab CLI, the desktop app) are not affected."),
    DATA_DIR("data.dir", "", "Directory for the SQLite database and the default config file"
            + " (default $XDG_DATA_HOME/confab-server or ~/.local/share/confab-server)."),
    DATABASE_URL("database.url", "", "JDBC URL; empty means the SQLite file <data.dir>/confab.db."
            + " PostgreSQL: jdbc:postgresql://host:5432/confab."),
    DATABASE_USER("database.user", "", "Database user (PostgreSQL)."),
    DATABASE_PASSWORD("database.password", "", "Database password (PostgreSQL).", true),
    DATABASE_POOL_SIZE("database.pool-size", "8", "Connections in the pool (SQLite: readers; one more connection writes)."),
    DATABASE_CHECKPOINT_SECONDS("database.checkpoint-seconds", "30", "SQLite: how often the write-ahead log is"
            + " checkpointed and truncated, so deleted ciphertext does not linger on disk."),
    ARGON2_MEMORY_KIB("security.argon2.memory-kib", "19456", "Argon2id memory per password hash, KiB."),
    ARGON2_ITERATIONS("security.argon2.iterations", "2", "Argon2id passes."),
    ARGON2_PARALLELISM("security.argon2.parallelism", "1", "Argon2id lanes."),
    ARGON2_MAX_CONCURRENT("security.argon2.max-concurrent", "4", "Password hashes computed at the same time"
            + " (each takes memory-kib); further sign-ins wait."),
    SESSION_TTL_DAYS("session.ttl-days", "30", "Days a session token stays valid."),
    MAX_BODY_BYTES("limits.max-body-bytes", "1048576", "Largest REST request body (413 too_large above); at least"
            + " the largest message to a user with limits.devices-per-user devices."),
    MAX_WS_FRAME_BYTES("limits.max-ws-frame-bytes", "131072", "Largest WebSocket frame answered normally;"
            + " larger ones get a too_large error, and frames over four times this close the connection."),
    WS_OUTBOUND_QUEUE("limits.ws-outbound-queue", "1024", "Messages queued for one slow WebSocket client"
            + " before the server closes its connection."),
    WS_OUTBOUND_BYTES("limits.ws-outbound-bytes", "4194304", "Bytes (characters) of frames queued or being written"
            + " for one WebSocket client before the server closes its connection."),
    WS_WRITE_TIMEOUT_SECONDS("limits.ws-write-timeout-seconds", "30", "Seconds a frame may wait to be taken by a"
            + " client that stopped reading (even if it still pings) before the connection is dropped."),
    WS_CONNECTIONS_PER_SESSION("limits.ws-connections-per-session", "2", "Open WebSockets per session; a newer"
            + " one closes the oldest (close code 4001)."),
    WS_CONNECTIONS_PER_USER("limits.ws-connections-per-user", "16", "Open WebSockets per account; further"
            + " upgrades are refused with 429 rate_limited."),
    SIGN_IN_PER_USERNAME("limits.sign-in-per-username", "10/5m", "Sign-in attempts per username, counting the"
            + " password checks of password changes and account deletions too: count/period."),
    SIGN_IN_PER_ADDRESS("limits.sign-in-per-address", "30/5m", "Sign-in attempts per client address."),
    REGISTER_PER_ADDRESS("limits.register-per-address", "10/1h", "Accounts registered per client address."),
    REQUESTS_PER_SESSION("limits.requests-per-session", "300/1m", "REST requests per session."),
    REQUESTS_PER_ADDRESS("limits.requests-per-address", "600/1m", "REST requests without a session per address."),
    WS_MESSAGES_PER_SESSION("limits.ws-messages-per-session", "120/10s", "WebSocket messages per session, all its"
            + " connections together."),
    USER_LOOKUPS_PER_USER("limits.user-lookups-per-user", "60/1m", "Username lookups (GET /api/v1/users) per account."),
    CONTACT_REQUESTS_PER_USER("limits.contact-requests-per-user", "20/1h", "Contact requests made per account."),
    DEVICES_PER_USER("limits.devices-per-user", "10", "Devices per account (1 to 16); signing in as a new device"
            + " beyond it is refused with too_many_devices."),
    INBOX_MAX_ITEMS("limits.inbox-max-items", "10000", "Undelivered items one device's inbox holds; messages to a"
            + " full inbox are refused with inbox_full, receipts for it are dropped."),
    DEVICE_EXPIRY_DAYS("devices.expire-after-days", "90", "Days after which a device that neither connected nor used"
            + " a session is deleted with its inbox (checked at start and hourly)."),
    DECLINE_COOLDOWN_HOURS("contacts.decline-cooldown-hours", "24", "Hours after a declined contact request before"
            + " the same user may ask again (0: at once)."),
    RING_TIMEOUT_SECONDS("calls.ring-timeout-seconds", "45", "Seconds a call rings before it ends no_answer."),
    RECONNECT_GRACE_SECONDS("calls.reconnect-grace-seconds", "20", "Seconds a call party may be disconnected"
            + " before the call ends peer_gone."),
    HEARTBEAT_SECONDS("ws.heartbeat-seconds", "20", "Seconds between WebSocket pings; a connection silent for"
            + " three times this is closed."),
    TURN_SECRET("turn.secret", "", "coturn static-auth-secret (use-auth-secret); empty disables TURN.", true),
    TURN_URLS("turn.urls", "", "Comma-separated TURN URLs, such as turn:turn.example.org:3478?transport=udp."),
    STUN_URLS("stun.urls", "", "Comma-separated STUN URLs, such as stun:turn.example.org:3478."),
    TURN_TTL_SECONDS("turn.ttl-seconds", "86400", "Lifetime of TURN credentials."),
    METRICS_ENABLED("metrics.enabled", "true", "Serve Prometheus metrics at /metrics."),
    LOG_FORMAT("log.format", "text", "text or json (one JSON object per line)."),
    LOG_LEVEL("log.level", "info", "trace, debug, info, warn or error.");

    private final String key;
    private final String defaultValue;
    private final String description;
    private final boolean secret;

    ConfigKey(String key, String defaultValue, String description) {
        this(key, defaultValue, description, false);
    }

    ConfigKey(String key, String defaultValue, String description, boolean secret) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.secret = secret;
    }

    /** The key as written in files and {@code --set}, such as {@code server.port}. */
    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Whether the value must never be printed or logged. */
    public boolean secret() {
        return secret;
    }

    /** The environment variable that sets this key, such as {@code CONFAB_SERVER_PORT}. */
    public String environmentVariable() {
        return "CONFAB_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The key with this name, if the server knows it. */
    public static Optional<ConfigKey> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
    }
}
