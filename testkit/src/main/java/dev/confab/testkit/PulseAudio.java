package dev.confab.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.SourceDataLine;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A private PulseAudio daemon for a test, with virtual speakers and microphones made with {@code pactl}, so that Java
 * Sound in the test JVM plays and captures real samples on a machine without a sound card.
 *
 * <p>Java Sound reaches PulseAudio through ALSA's pulse plugin, which finds the server through the JVM's own
 * environment, and a JVM cannot change its environment. So the test JVM is started with {@code PULSE_SERVER} set to
 * {@code unix:<socket path>} (the module's surefire configuration sets it, under its build directory), and
 * {@link #start()} puts the daemon's socket exactly there. The daemon runs in per-user mode with its own {@code HOME}
 * and {@code XDG_RUNTIME_DIR} in a temporary directory, loads nothing but that socket and an always-present null sink,
 * and touches nothing outside. {@link #close()} stops the processes it started and removes the directory and socket,
 * as a shutdown hook does if the JVM ends first; a daemon left by a JVM that crashed is killed by the next start.
 *
 * <p>Start it before anything in the JVM uses Java Sound: ALSA reads its configuration once, and routes its default
 * device to PulseAudio only if a server answered then. {@link #start()} checks and says so if that was missed.
 * Not thread-safe: one test thread drives it.
 */
public final class PulseAudio implements AutoCloseable {
    /** The environment variable that tells the test JVM's ALSA pulse plugin where the server is. */
    public static final String SERVER_VARIABLE = "PULSE_SERVER";
    /** The sample rate of the virtual devices and of recordings. */
    public static final int SAMPLE_RATE = 48_000;
    private static final String DIR_PREFIX = "confab-pulse-";
    private static final int MAX_SOCKET_PATH = 107;

    private final Path dir;
    private final Path socket;
    private final List<Process> children = new ArrayList<>();
    private final Thread shutdownHook;
    private Process daemon;

    private PulseAudio(Path dir, Path socket) {
        this.dir = dir;
        this.socket = socket;
        this.shutdownHook = new Thread(this::stop, "pulseaudio-test-cleanup");
    }

    /** Starts the daemon on the socket {@code PULSE_SERVER} names, or fails saying what to install or set. */
    public static PulseAudio start() {
        Path socket = socketFromEnvironment();
        LeftoverServers.kill(DIR_PREFIX, "pulseaudio");
        PulseAudio pulse;
        try {
            Path dir = Files.createTempDirectory(LeftoverServers.directoryPrefix(DIR_PREFIX));
            Files.createDirectories(dir.resolve("home"));
            Files.createDirectories(dir.resolve("run"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Files.createDirectories(socket.getParent());
            pulse = new PulseAudio(dir, socket);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the directories for PulseAudio", e);
        }
        Runtime.getRuntime().addShutdownHook(pulse.shutdownHook);
        try {
            pulse.launch();
            pulse.awaitAnswer();
            requireJavaSoundSeesIt();
            return pulse;
        } catch (RuntimeException e) {
            pulse.close();
            throw e;
        }
    }

    /** The server address clients use, {@code unix:<socket>}. */
    public String server() {
        return "unix:" + socket;
    }

    /** Adds a null sink at {@link #SAMPLE_RATE}: a speaker whose output can be recorded from its monitor. */
    public VirtualDevice.Speaker addSpeaker(String name, String description) {
        return addSpeaker(name, description, SAMPLE_RATE);
    }

    /** Adds a speaker running at {@code sampleRate}, such as 44,100 Hz, to which the server resamples streams. */
    public VirtualDevice.Speaker addSpeaker(String name, String description, int sampleRate) {
        int module = loadModule("module-null-sink", "sink_name=" + name, "rate=" + sampleRate, "norewinds=1",
                "sink_properties=" + describedAs(description));
        return new VirtualDevice.Speaker(name, description, module);
    }

    /**
     * Adds a microphone: a source remapped from the monitor of a null sink {@code <name>_feed}, so that whatever is
     * played into that sink (see {@link #play}) is what the microphone hears.
     */
    public VirtualDevice.Microphone addMicrophone(String name, String description) {
        return addMicrophone(name, description, SAMPLE_RATE);
    }

    /** Adds a microphone running at {@code sampleRate}, such as 44,100 Hz, from which the server resamples streams. */
    public VirtualDevice.Microphone addMicrophone(String name, String description, int sampleRate) {
        String feed = name + "_feed";
        int feedModule = loadModule("module-null-sink", "sink_name=" + feed, "rate=" + sampleRate, "norewinds=1",
                "sink_properties=" + describedAs("Feed of " + description));
        int remapModule = loadModule("module-remap-source", "master=" + feed + ".monitor", "source_name=" + name,
                "source_properties=" + describedAs(description));
        return new VirtualDevice.Microphone(name, description, feed, List.of(feedModule, remapModule));
    }

    /** Removes a device, as if it were unplugged; streams on it are moved elsewhere by PulseAudio or end. */
    public void remove(VirtualDevice device) {
        for (int module : device.modules().reversed()) {
            pactl("unload-module", Integer.toString(module));
        }
    }

    /** Makes the device the system's default sink or source. */
    public void makeDefault(VirtualDevice device) {
        switch (device) {
            case VirtualDevice.Speaker speaker -> pactl("set-default-sink", speaker.name());
            case VirtualDevice.Microphone microphone -> pactl("set-default-source", microphone.name());
        }
    }

    /** Plays a WAV file in real time into a speaker, or into a microphone's feed so that the microphone hears it. */
    public PulseStream play(VirtualDevice device, Path wav) {
        String sink = switch (device) {
            case VirtualDevice.Speaker speaker -> speaker.name();
            case VirtualDevice.Microphone microphone -> microphone.feedSink();
        };
        return startStream(wav, "paplay", "--device=" + sink, wav.toString());
    }

    /** Records what a speaker plays (its monitor) to a 48 kHz 16-bit mono WAV file, until the stream is closed. */
    public PulseStream record(VirtualDevice.Speaker speaker, Path wav) {
        return recordSource(speaker.monitor(), wav);
    }

    /** Records a source to a 48 kHz 16-bit mono WAV file, until the stream is closed. */
    public PulseStream recordSource(String source, Path wav) {
        return startStream(wav, "parec", "--device=" + source, "--rate=" + SAMPLE_RATE, "--channels=1",
                "--format=s16le", "--latency-msec=20", "--file-format=wav", wav.toString());
    }

    /**
     * Starts {@code pacat} playing raw samples written to the pipe into a speaker, or into a microphone's feed so that
     * the microphone hears them, asking the server for {@code latency} of buffering (the lowest it grants is a few ms).
     */
    public PulsePipe playFromPipe(VirtualDevice device, Duration latency) {
        String sink = switch (device) {
            case VirtualDevice.Speaker speaker -> speaker.name();
            case VirtualDevice.Microphone microphone -> microphone.feedSink();
        };
        return startPipe("pacat", "--playback", "--device=" + sink, "--latency-msec=" + latency.toMillis());
    }

    /** Starts {@code parec} recording a source to the pipe, asking the server for {@code latency} of buffering. */
    public PulsePipe recordToPipe(String source, Duration latency) {
        return startPipe("parec", "--device=" + source, "--latency-msec=" + latency.toMillis());
    }

    /** Runs {@code pactl} against this server and returns what it printed; fails with its output if it fails. */
    public String pactl(String... args) {
        List<String> command = new ArrayList<>(List.of("pactl"));
        command.addAll(List.of(args));
        try {
            Process process = clientProcess(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pactl did not answer: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n" + output.strip()
                        + "\nThe daemon's log ends:\n" + log(15));
            }
            return output.strip();
        } catch (IOException e) {
            throw new IllegalStateException("pactl is not installed: apt-get install -y pulseaudio-utils", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    /** The last lines of the daemon's log, for a failing test to show. */
    public String log(int lines) {
        return ProcessOutput.tail(dir.resolve("pulseaudio.log"), lines);
    }

    /** Stops the streams and the daemon, removes the directory and the socket. Idempotent. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Shutting down (the hook is running or ran), or closed before (the hook is gone).
        }
    }

    private void launch() {
        List<String> command = List.of("pulseaudio", "-n", "--daemonize=no", "--system=false", "--exit-idle-time=-1",
                "--use-pid-file=no", "--log-target=file:" + dir.resolve("pulseaudio.log"),
                "--load=module-native-protocol-unix socket=" + socket,
                "--load=module-always-sink");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile());
            privateEnvironment(builder.environment());
            daemon = builder.start();
            LeftoverServers.recordServer(dir, daemon.pid());
        } catch (IOException e) {
            throw new IllegalStateException("PulseAudio is not installed: apt-get install -y pulseaudio"
                    + " pulseaudio-utils libasound2-plugins", e);
        }
    }

    private void awaitAnswer() {
        try {
            await("PulseAudio answering on " + socket).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .failFast("pulseaudio exited", () -> !daemon.isAlive())
                    .until(this::answers);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException(e.getMessage() + "; its log ends:\n" + log(30), e);
        }
    }

    private boolean answers() throws IOException, InterruptedException {
        Process info = clientProcess(List.of("pactl", "info")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!info.waitFor(5, TimeUnit.SECONDS)) {
            info.destroyForcibly();
            return false;
        }
        return info.exitValue() == 0;
    }

    private PulseStream startStream(Path file, String... command) {
        Path log = dir.resolve(command[0] + "-" + children.size() + ".log");
        try {
            Process process = clientProcess(List.of(command)).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            children.add(process);
            return new PulseStream(process, file, log);
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " is not installed: apt-get install -y pulseaudio-utils", e);
        }
    }

    private PulsePipe startPipe(String program, String... arguments) {
        Path log = dir.resolve(program + "-" + children.size() + ".log");
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--raw", "--rate=" + SAMPLE_RATE, "--channels=1", "--format=s16le"));
        try {
            Process process = clientProcess(command).redirectError(log.toFile()).start();
            children.add(process);
            return new PulsePipe(process, log);
        } catch (IOException e) {
            throw new IllegalStateException(program + " is not installed: apt-get install -y pulseaudio-utils", e);
        }
    }

    private int loadModule(String module, String... arguments) {
        List<String> command = new ArrayList<>(List.of("load-module", module));
        command.addAll(List.of(arguments));
        return Integer.parseInt(pactl(command.toArray(String[]::new)));
    }

    private ProcessBuilder clientProcess(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        privateEnvironment(builder.environment());
        builder.environment().put(SERVER_VARIABLE, server());
        return builder;
    }

    /** The daemon's and its clients' own HOME and runtime directory; C locale, so pactl's output is stable. */
    private void privateEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(key -> key.startsWith("PULSE_") || key.startsWith("XDG_") || key.equals("DISPLAY")
                || key.startsWith("DBUS_"));
        environment.put("HOME", dir.resolve("home").toString());
        environment.put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        environment.put("LC_ALL", "C");
    }

    private void stop() {
        List<ProcessHandle> processes = new ArrayList<>(children.stream().map(Process::toHandle).toList());
        if (daemon != null) {
            processes.add(daemon.toHandle());
        }
        Processes.stop(processes, Duration.ofSeconds(5));
        Directories.deleteTree(dir);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            System.err.println("Could not remove " + socket + ": " + e.getMessage());
        }
    }

    /** A property list giving the device a description; PulseAudio's argument parser takes it in quotes. */
    private static String describedAs(String description) {
        if (description.contains("\"") || description.contains("'")) {
            throw new IllegalArgumentException("A device description may not contain quotes: " + description);
        }
        return "\"device.description='" + description + "'\"";
    }

    private static Path socketFromEnvironment() {
        String server = System.getenv(SERVER_VARIABLE);
        if (server == null || !server.startsWith("unix:/")) {
            throw new IllegalStateException("Java Sound finds PulseAudio through the test JVM's environment: run this"
                    + " test in a JVM started with " + SERVER_VARIABLE + "=unix:<socket path> (the surefire"
                    + " configuration of media and testkit sets it to target/pulse/native); it is " + server);
        }
        Path socket = Path.of(server.substring("unix:".length()));
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IllegalStateException("The socket path is too long for a Unix socket (over " + MAX_SOCKET_PATH
                    + " bytes): " + socket + "; check the project out under a shorter path");
        }
        return socket;
    }

    private static void requireJavaSoundSeesIt() {
        if (AudioSystem.getSourceLineInfo(new Line.Info(SourceDataLine.class)).length == 0) {
            throw new IllegalStateException("PulseAudio runs, but Java Sound sees no device. Either ALSA's pulse"
                    + " plugin is missing (apt-get install -y libasound2-plugins), or something in this JVM used Java"
                    + " Sound before PulseAudio started: ALSA reads its configuration once, routing its default device"
                    + " to PulseAudio only if a server answered then. Start PulseAudio first.");
        }
    }
}
