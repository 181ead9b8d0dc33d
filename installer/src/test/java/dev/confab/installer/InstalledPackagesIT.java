package dev.confab.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.Directories;
import dev.confab.testkit.FreePorts;
import dev.confab.testkit.Xvfb;
import dev.confab.testkit.net.CommandResult;
import dev.confab.testkit.net.Shell;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packages as a user and an operator meet them: installed with dpkg on this machine, the server run as its
 * system user on its SQLite database under /var/lib, the installed command-line client's self-test and its account
 * on that server, the installed desktop app's sign-in window on a private X server (screenshot in
 * target/screenshots), then removed (the data stays) and purged (nothing stays). Needs root; the tests run in order,
 * each on what the one before installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class InstalledPackagesIT {
    private static final Path PACKAGES = Path.of("target/packages");
    private static final Path SERVER_DATA = Path.of("/var/lib/confab-server");
    private static final Path SERVER_SETTINGS = Path.of("/etc/confab-server/confab-server.properties");
    /** The budget: the installed client, runtime and codecs included, under 120 MB. */
    private static final long INSTALLED_SIZE_BUDGET_BYTES = 120_000_000L;
    /** How long a quick command (dpkg-query, getent, ffmpeg's one screenshot) may take. */
    private static final Duration QUICK = Duration.ofMinutes(1);

    private final List<Process> started = new ArrayList<>();
    private Path work;
    private Path clientDeb;
    private Path serverDeb;
    private String debVersion;
    private List<Path> installedFiles;
    private Xvfb xvfb;

    @BeforeAll
    void requireRootAndThePackages() throws IOException {
        assertThat(Shell.run(List.of("id", "-u"), QUICK).orThrow().output().strip())
                .as("The package test installs .debs with dpkg, which needs root: run ./test.sh as root, or build with -DskipPackages")
                .isEqualTo("0");
        clientDeb = onlyPackage("confab_");
        serverDeb = onlyPackage("confab-server_");
        debVersion = clientDeb.getFileName().toString().split("_")[1];
        work = Files.createTempDirectory("confab-package-test-");
        purge();
    }

    @AfterAll
    void cleanUp() {
        started.forEach(Process::destroyForcibly);
        if (xvfb != null) {
            xvfb.close();
        }
        purge();
        Directories.deleteTree(work);
    }

    @Test
    @Order(1)
    void bothPackagesInstallWithTheirUserDirectoriesAndMenuEntry() throws IOException {
        Shell.run(List.of("dpkg", "-i", serverDeb.toString(), clientDeb.toString()), Duration.ofMinutes(3)).orThrow();

        assertThat(Shell.run(List.of("dpkg-query", "-W", "-f=${Status} ${Version}", "confab"), QUICK).orThrow()
                .output())
                .isEqualTo("install ok installed " + debVersion);
        assertThat(Shell.run(List.of("dpkg-query", "-W", "-f=${Status} ${Version}", "confab-server"), QUICK).orThrow()
                .output())
                .isEqualTo("install ok installed " + debVersion);
        for (String file : List.of("/usr/bin/confab", "/usr/bin/confab-desktop", "/usr/bin/confab-server",
                "/usr/share/applications/confab.desktop", "/usr/share/icons/hicolor/256x256/apps/confab.png",
                "/lib/systemd/system/confab-server.service")) {
            assertThat(Path.of(file)).exists();
        }
        assertThat(Shell.run(List.of("systemd-analyze", "verify", "/lib/systemd/system/confab-server.service"), QUICK)
                .output())
                .as("systemd's check of the installed unit").isEmpty();
        assertThat(Shell.run(List.of("getent", "passwd", "confab-server"), QUICK).orThrow().output())
                .contains(":/var/lib/confab-server:/usr/sbin/nologin");
        PosixFileAttributes data = Files.readAttributes(SERVER_DATA, PosixFileAttributes.class);
        assertThat(data.owner().getName()).isEqualTo("confab-server");
        assertThat(PosixFilePermissions.toString(data.permissions())).isEqualTo("rwxr-x---");
        PosixFileAttributes settings = Files.readAttributes(SERVER_SETTINGS, PosixFileAttributes.class);
        assertThat(settings.group().getName()).isEqualTo("confab-server");
        assertThat(PosixFilePermissions.toString(settings.permissions())).isEqualTo("rw-r-----");

        installedFiles = Stream.of("confab", "confab-server")
                .flatMap(pkg -> Shell.run(List.of("dpkg", "-L", pkg), QUICK).orThrow().output().lines())
                .map(Path::of).filter(path -> !Files.isDirectory(path)).toList();
        assertThat(installedFiles).hasSizeGreaterThan(50);
        long installedBytes = Long.parseLong(
                Shell.run(List.of("du", "-sb", "/opt/confab"), QUICK).orThrow().output().split("\\s")[0]);
        System.out.printf("Installed client: %.1f MB in /opt/confab%n", installedBytes / 1e6);
        assertThat(installedBytes).isLessThan(INSTALLED_SIZE_BUDGET_BYTES);
    }

    @Test
    @Order(2)
    void theInstalledClientKnowsItsVersionAndPassesItsSelfTest() {
        String version = debVersion.replace('~', '-');
        assertThat(Shell.run(List.of("/usr/bin/confab", "--version"), QUICK).orThrow().output())
                .startsWith("confab " + version + ", protocol ");

        CommandResult selfTest = Shell.run(List.of("/usr/bin/confab", "--self-test"), userEnvironment(),
                Duration.ofMinutes(2));

        assertThat(selfTest.exitCode()).as(selfTest.output()).isZero();
        assertThat(selfTest.output()).contains("ok   crypto", "ok   dtls", "ok   opus", "ok   vp8");
    }

    @Test
    @Order(3)
    void theInstalledServerRunsAsItsUserAndTheInstalledClientRegistersOnIt() throws Exception {
        int port = FreePorts.tcp();
        Process server = start(Map.of(), "runuser", "-u", "confab-server", "--", "/usr/bin/confab-server",
                "--config", SERVER_SETTINGS.toString(), "--port", String.valueOf(port));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
        await("the installed server's /health").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

        Map<String, String> alice = new java.util.HashMap<>(userEnvironment());
        alice.put("CONFAB_PASSWORD", "correct horse battery");
        String profile = work.resolve("alice").toString();
        Shell.run(List.of("/usr/bin/confab", "--server", "http://127.0.0.1:" + port,
                "--profile-dir", profile, "register", "alice"), alice, Duration.ofMinutes(1)).orThrow();
        assertThat(Shell.run(List.of("/usr/bin/confab", "--profile-dir", profile, "whoami"), alice, QUICK)
                .orThrow().output()).contains("alice");

        Path database = SERVER_DATA.resolve("confab.db");
        assertThat(database).exists();
        assertThat(Files.getOwner(database).getName()).isEqualTo("confab-server");
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        assertThat(server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
    }

    @Test
    @Order(4)
    void theInstalledDesktopAppShowsItsSignInWindowAndStartsFromItsAotCacheNextTime() throws Exception {
        xvfb = Xvfb.start(1280, 800);
        Map<String, String> env = new java.util.HashMap<>(userEnvironment());
        env.put("DISPLAY", xvfb.display());

        showSignInWindow(env, Path.of("target/screenshots/installed-sign-in.png"), true);
        Path cacheDir = work.resolve("home/.cache/confab");
        try (Stream<Path> caches = Files.list(cacheDir)) {
            assertThat(caches.map(path -> path.getFileName().toString()))
                    .as("the AOT cache the first start recorded").singleElement().asString().endsWith(".aot");
        }
        showSignInWindow(env, work.resolve("second-start.png"), false);
    }

    /**
     * Starts the installed app, awaits its sign-in window on the screen (saved to {@code screenshot}), checks that
     * the window names the class of the menu entry (so desktops show it under Confab's icon) when
     * {@code checkWindowClass}, and ends it.
     */
    private void showSignInWindow(Map<String, String> env, Path screenshot, boolean checkWindowClass)
            throws Exception {
        Path marks = work.resolve("startup-marks");
        Files.deleteIfExists(marks);
        Process app = start(env, "/usr/bin/confab-desktop", "--data-dir", work.resolve("desktop").toString(),
                "--startup-marks", marks.toString());

        await("the installed app's sign-in window").atMost(Duration.ofSeconds(90))
                .until(() -> Files.exists(marks) && Files.readString(marks).contains("sign-in-window"));
        Files.createDirectories(screenshot.getParent());
        await("a screenshot that shows the window").atMost(Duration.ofSeconds(30)).until(() -> {
            Shell.run(List.of("ffmpeg", "-loglevel", "error", "-y", "-f", "x11grab", "-video_size", "1280x800",
                    "-i", xvfb.display(), "-frames:v", "1", screenshot.toString()), QUICK).orThrow();
            return drawnShare(ImageIO.read(screenshot.toFile())) > 0.3;
        });
        if (checkWindowClass) {
            String windowClass = Files.readAllLines(Path.of("/usr/share/applications/confab.desktop")).stream()
                    .filter(line -> line.startsWith("StartupWMClass=")).findFirst().orElseThrow().substring(15);
            assertThat(Shell.run(List.of("xwininfo", "-root", "-tree"), env, Duration.ofSeconds(20)).orThrow().output())
                    .contains(": (\"" + windowClass + "\" \"" + windowClass + "\")");
        }
        assertThat(app.isAlive()).as("the app still runs").isTrue();
        app.destroy();
        assertThat(app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the app stops on SIGTERM").isTrue();
    }

    @Test
    @Order(5)
    void removingKeepsOnlyTheDataAndSettingsAndPurgingLeavesNothing() {
        Shell.run(List.of("dpkg", "-r", "confab", "confab-server"), Duration.ofMinutes(2)).orThrow();

        assertThat(installedFiles.stream().filter(path -> !path.equals(SERVER_SETTINGS))
                .filter(path -> Files.exists(path, LinkOption.NOFOLLOW_LINKS))).as("files left after removal").isEmpty();
        assertThat(SERVER_DATA.resolve("confab.db")).as("the server's database survives a removal").exists();
        assertThat(SERVER_SETTINGS).as("the operator's settings survive a removal").exists();

        Shell.run(List.of("dpkg", "--purge", "confab", "confab-server"), Duration.ofMinutes(2)).orThrow();

        for (String gone : List.of("/opt/confab", "/opt/confab-server", "/etc/confab-server", "/var/lib/confab-server",
                "/etc/systemd/system/multi-user.target.wants/confab-server.service")) {
            assertThat(Path.of(gone)).as("left after purge").doesNotExist();
        }
        assertThat(Shell.run(List.of("getent", "passwd", "confab-server"), QUICK).exitCode()).as("the system user")
                .isNotZero();
        assertThat(Shell.run(List.of("dpkg-query", "-W", "-f=${Status}", "confab"), QUICK).output())
                .doesNotContain("installed");
        assertThat(work.resolve("alice")).as("a user's own data is theirs").isDirectory();
    }

    /** The installed programs run with their caches (JavaFX, FFmpeg natives) in a home of the test's own. */
    private Map<String, String> userEnvironment() {
        return Map.of("HOME", work.resolve("home").toString());
    }

    private Process start(Map<String, String> env, String... argv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(work.resolve(Path.of(argv[0]).getFileName() + "-" + started.size() + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private void purge() {
        Shell.run(List.of("dpkg", "--purge", "confab", "confab-server"), Duration.ofMinutes(2)).orThrow();
    }

    private static Path onlyPackage(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(PACKAGES)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .filter(f -> f.getFileName().toString().endsWith(".deb")).toList();
            assertThat(debs).as("packages " + prefix + "*.deb in " + PACKAGES.toAbsolutePath()).hasSize(1);
            return debs.getFirst();
        }
    }

    /** The share of the screen that is not the X server's black background. */
    private static double drawnShare(BufferedImage image) {
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0) {
                    drawn++;
                }
            }
        }
        return drawn / (double) ((image.getHeight() / 4) * (image.getWidth() / 4));
    }
}
