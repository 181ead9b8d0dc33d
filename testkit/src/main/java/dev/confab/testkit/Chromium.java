package dev.confab.testkit;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Debian's chromedriver over the W3C WebDriver HTTP API: a real WebRTC peer for
 * tests. Each instance has its own temporary directory holding a fresh user data dir, HOME, XDG dirs and TMPDIR
 * (so nothing is written elsewhere) and the chromedriver log. The browser runs as root with the flags LAB.md lists,
 * fake media devices, loopback allowed in peer connections, host candidates with real addresses instead of mDNS
 * names (so Chromium sends no multicast announcements), and a host resolver that resolves nothing but loopback.
 *
 * <p>{@link #close()} deletes the session, stops chromedriver and every browser process (also those that left the
 * process tree, such as crashpad) and removes the directory; a shutdown hook does the same if the JVM ends first, and
 * {@link #launch} first removes what a crashed earlier run left. Not thread-safe: one test thread drives it.
 */
public final class Chromium implements AutoCloseable {
    /** Where Debian installs the browser binary (the {@code /usr/bin/chromium} wrapper adds flags of its own). */
    static final Path BROWSER = Path.of("/usr/lib/chromium/chromium");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final int SCRIPT_TIMEOUT_MS = 30_000;
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private final Path dir;
    private final Process driver;
    private final WebDriverClient client;
    private final Thread shutdownHook;
    private String browserVersion = "";
    private boolean closed;

    private Chromium(Path dir, Process driver, WebDriverClient client) {
        this.dir = dir;
        this.driver = driver;
        this.client = client;
        this.shutdownHook = new Thread(this::stopEverything, "chromium-test-cleanup");
    }

    /** Launches with {@link ChromiumOptions#DEFAULTS}. */
    public static Chromium launch() {
        return launch(ChromiumOptions.DEFAULTS);
    }

    /** Starts chromedriver and opens a browser session, or fails saying what to install. */
    public static Chromium launch(ChromiumOptions options) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
            throw new IllegalStateException("Chromium is not installed: apt-get install -y chromium chromium-driver");
        }
        ChromiumLeftovers.clean(TMP);
        Path dir = privateDirectory();
        int port = FreePorts.tcp();
        Process driver = startDriver(dir, port);
        Chromium chromium = new Chromium(dir, driver, new WebDriverClient(port, COMMAND_TIMEOUT));
        Runtime.getRuntime().addShutdownHook(chromium.shutdownHook);
        try {
            chromium.openSession(options);
            return chromium;
        } catch (RuntimeException e) {
            String log = chromium.driverLog(30);
            chromium.close();
            throw new IllegalStateException("Chromium did not start; chromedriver's log:\n" + log, e);
        }
    }

    /** The browser's version as it reports it, such as {@code 156.0.8078.108}. */
    public String browserVersion() {
        return browserVersion;
    }

    /** The instance's private directory (removed on close). */
    public Path dir() {
        return dir;
    }

    /** Loads {@code url} in the current tab and waits for the page to load. */
    public void navigate(String url) {
        client.navigate(url);
    }

    /** Runs a synchronous script ({@code return ...}) with JSON-serializable arguments; returns its result. */
    public JsonNode execute(String script, Object... args) {
        return client.execute(script, List.of(args));
    }

    /**
     * Runs {@code body} as the body of an async JavaScript function of {@code args} (reachable as {@code args[i]})
     * and returns what its promise resolves to, as JSON.
     *
     * @throws WebDriverException with error {@code script rejected} and the JavaScript error's stack if the promise
     *                            rejects, or {@code script timeout} after 30 s
     */
    public JsonNode evaluate(String body, Object... args) {
        String script = "const done = arguments[arguments.length - 1];\n"
                + "const args = Array.prototype.slice.call(arguments, 0, arguments.length - 1);\n"
                + "(async (args) => {\n" + body + "\n})(args).then(\n"
                + "  value => done({ok: true, value: value === undefined ? null : value}),\n"
                + "  error => done({ok: false, error: String(error && error.stack ? error.stack : error)}));";
        JsonNode outcome = client.executeAsync(script, List.of(args));
        if (!outcome.path("ok").asBoolean(false)) {
            throw new WebDriverException("script rejected", outcome.path("error").asText(outcome.toString()));
        }
        return outcome.path("value");
    }

    /**
     * Runs a Chrome DevTools Protocol command on the current tab and returns its result, for what a page cannot do
     * itself: {@code Network.setExtraHTTPHeaders} puts a header on every request of the tab, WebSocket handshakes
     * included (seen with Chromium 156), which a page's {@code WebSocket} cannot.
     */
    public JsonNode devTools(String command, Map<String, Object> params) {
        return client.devTools(command, params);
    }

    /** The last {@code lines} lines chromedriver logged, for failure messages. */
    public String driverLog(int lines) {
        return ProcessOutput.tail(dir.resolve("chromedriver.log"), lines);
    }

    /** Ends the session and every process, removes the directory. Idempotent. */
    @Override
    public void close() {
        stopEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or ran.
        }
    }

    private synchronized void stopEverything() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> processes = new ArrayList<>(driver.descendants().toList());
        processes.add(driver.toHandle());
        processes.addAll(ChromiumLeftovers.processesNaming(dir));
        try {
            if (driver.isAlive()) {
                client.deleteSession();
            }
        } catch (RuntimeException e) {
            System.err.println("Chromium session did not end cleanly: " + e.getMessage());
        } finally {
            client.close();
            Processes.stop(processes.stream().distinct().toList(), Duration.ofSeconds(5));
            Processes.stop(ChromiumLeftovers.processesNaming(dir), Duration.ofSeconds(2));
            Directories.deleteTree(dir);
        }
    }

    private void openSession(ChromiumOptions options) {
        await("chromedriver to be ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .failFast("chromedriver exited", () -> !driver.isAlive())
                .until(client::ready);
        JsonNode capabilities = client.newSession(Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", BROWSER.toString(), "args", flags(options)),
                "timeouts", Map.of("script", SCRIPT_TIMEOUT_MS)));
        browserVersion = capabilities.path("browserVersion").asText();
    }

    private List<String> flags(ChromiumOptions options) {
        List<String> flags = new ArrayList<>(List.of(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"),
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--allow-loopback-in-peer-connection",
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"));
        options.fakeAudioCapture().ifPresent(wav -> flags.add("--use-file-for-fake-audio-capture=" + wav));
        flags.addAll(options.extraFlags());
        return flags;
    }

    private static Process startDriver(Path dir, int port) {
        try {
            for (String sub : List.of("home", "config", "cache", "tmp")) {
                Files.createDirectories(dir.resolve(sub));
            }
            ProcessBuilder builder = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port,
                    "--allowed-ips=127.0.0.1", "--log-path=" + dir.resolve("chromedriver.log"))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("chromedriver.out").toFile());
            Map<String, String> env = builder.environment();
            env.put("HOME", dir.resolve("home").toString());
            env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
            env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
            env.put("TMPDIR", dir.resolve("tmp").toString());
            env.remove("DISPLAY");
            return builder.start();
        } catch (IOException e) {
            Directories.deleteTree(dir);
            throw new UncheckedIOException("Cannot start chromedriver", e);
        }
    }

    private static Path privateDirectory() {
        try {
            Path dir = Files.createTempDirectory(TMP, ChromiumLeftovers.PREFIX);
            Files.writeString(dir.resolve(ChromiumLeftovers.OWNER_FILE), Long.toString(ProcessHandle.current().pid()),
                    StandardCharsets.US_ASCII);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a directory for Chromium", e);
        }
    }
}
