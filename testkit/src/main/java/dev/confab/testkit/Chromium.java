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
import java.util.function.Function;

/**
 * Debian's headless Chromium driven by Debian's chromedriver over the W3C WebDriver HTTP API: a real WebRTC peer for
 * tests. Each instance has its own temporary directory holding a fresh user data dir, HOME, XDG dirs and TMPDIR
 * (so nothing is written elsewhere) and the chromedriver log. The browser runs as root with the flags LAB.md lists,
 * fake media devices, loopback allowed in peer connections, host candidates with real addresses instead of mDNS
 * names (so Chromium sends no multicast announcements), and a host resolver that resolves nothing but loopback.
 *
 * <p>{@link #launchIn} runs chromedriver and the browser inside a network namespace, such as a
 * {@link dev.confab.testkit.net.NetworkLab} host's, so WebRTC sees that host's interfaces only (its host candidates
 * carry its lab address) and its traffic goes through the lab's NATs; the test JVM drives it from its own namespace
 * through a {@link dev.confab.testkit.net.NamespacePortBridge}. A {@link TestPageServer} page is not reachable from
 * there, but the file system is shared: {@link #putPage} writes a page and returns its {@code file:} URL, a secure
 * context in which {@code getUserMedia} with the fake devices works. {@code about:blank} also loads and can make an
 * {@code RTCPeerConnection} and gather candidates, but it is no secure context: it has no
 * {@code navigator.mediaDevices}. Install a page's functions with {@link #execute} or {@link #evaluate} (seen with
 * Chromium 156).
 *
 * <p>{@link #close()} deletes the session, closes the bridge if there is one, stops chromedriver and every browser
 * process (also those that left the process tree, such as crashpad) and removes the directory; a shutdown hook does the
 * same if the JVM ends first, and each launch first removes what a crashed earlier run left. Not thread-safe: one test
 * thread drives it.
 */
public final class Chromium implements AutoCloseable {
    /** Where Debian installs the browser binary (the {@code /usr/bin/chromium} wrapper adds flags of its own). */
    static final Path BROWSER = Path.of("/usr/lib/chromium/chromium");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final int SCRIPT_TIMEOUT_MS = 30_000;
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private final Path dir;
    private final ChromeDriver driver;
    private final WebDriverClient client;
    private final Thread shutdownHook;
    private String browserVersion = "";
    private boolean closed;

    private Chromium(Path dir, ChromeDriver driver, WebDriverClient client) {
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
        return launch(options, ChromeDriver::start);
    }

    /** {@link #launchIn(String, ChromiumOptions)} with {@link ChromiumOptions#DEFAULTS}. */
    public static Chromium launchIn(String namespace) {
        return launchIn(namespace, ChromiumOptions.DEFAULTS);
    }

    /**
     * As {@link #launch(ChromiumOptions)}, with chromedriver and the browser inside network namespace
     * {@code namespace} (a lab host's {@link dev.confab.testkit.net.Host#namespace()}), driven from this JVM through a
     * {@link dev.confab.testkit.net.NamespacePortBridge}; needs root.
     */
    public static Chromium launchIn(String namespace, ChromiumOptions options) {
        return launch(options, dir -> ChromeDriver.startIn(namespace, dir));
    }

    private static Chromium launch(ChromiumOptions options, Function<Path, ChromeDriver> startDriver) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(ChromeDriver.BINARY)) {
            throw new IllegalStateException("Chromium is not installed: apt-get install -y chromium chromium-driver");
        }
        ChromiumLeftovers.clean(TMP);
        Path dir = privateDirectory();
        ChromeDriver driver;
        try {
            driver = startDriver.apply(dir);
        } catch (RuntimeException e) {
            Directories.deleteTree(dir);
            throw e;
        }
        Chromium chromium = new Chromium(dir, driver, new WebDriverClient(driver.port(), COMMAND_TIMEOUT));
        Runtime.getRuntime().addShutdownHook(chromium.shutdownHook);
        try {
            chromium.openSession(options);
            return chromium;
        } catch (RuntimeException e) {
            String log = chromium.driverLog(30);
            String output = ProcessOutput.tail(dir.resolve("chromedriver.out"), 10);
            chromium.close();
            throw new IllegalStateException("Chromium did not start; chromedriver's log:\n" + log
                    + "\n--- and its output ---\n" + output, e);
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

    /**
     * Writes {@code html} to file {@code name} in the instance's directory and returns its {@code file:} URL, for
     * {@link #navigate}: a page a browser in a namespace can load too, and a secure context.
     */
    public String putPage(String name, String html) {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("A page name is a plain file name, such as peer.html: " + name);
        }
        try {
            Path page = Files.writeString(Files.createDirectories(dir.resolve("pages")).resolve(name), html,
                    StandardCharsets.UTF_8);
            return page.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write page " + name + " in " + dir, e);
        }
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
        List<ProcessHandle> processes = new ArrayList<>(driver.processes());
        processes.addAll(ChromiumLeftovers.processesNaming(dir));
        try {
            if (driver.isAlive()) {
                client.deleteSession();
            }
        } catch (RuntimeException e) {
            System.err.println("Chromium session did not end cleanly: " + e.getMessage());
        } finally {
            client.close();
            driver.closeBridge();
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
