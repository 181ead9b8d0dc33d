package dev.confab.client.cli;

import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.store.Profile;
import dev.confab.client.core.store.StoreException;
import dev.confab.client.core.ClientException;
import dev.confab.client.logging.LogFiles;
import dev.confab.client.selftest.SelfTest;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code confab}, the headless Confab client. Each command opens the profile, does its work over REST and exits;
 * {@code watch} and {@code shell} stay connected and print events as they happen.
 *
 * <p>Errors are one sentence on standard error (never a stack trace; details go to {@code confab.log} in the
 * profile directory) and an exit code from {@link ExitCodes}. {@link #run} executes one command line in-process
 * with an injected {@link CliContext}; {@link #main} is the real process.
 *
 * <p>Not thread-safe: one instance runs one command line on the calling thread ({@link #run} makes a fresh one each
 * time, so separate threads may each call {@link #run}); the live client of {@code watch} and {@code shell} prints
 * events from its own event thread through the thread-safe {@code Printer}.
 */
@Command(name = "confab", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = ConfabCli.Version.class,
        usageHelpAutoWidth = true, sortOptions = false,
        description = {"Confab: end-to-end encrypted chat and calls, from the command line.", ""},
        footer = ExitCodes.FOOTER,
        subcommands = {
            RegisterCommand.class, LoginCommand.class, LogoutCommand.class, PasswdCommand.class,
            DeleteAccountCommand.class, WhoamiCommand.class, SessionsCommand.class, DevicesCommand.class,
            ContactsCommand.class, PresenceCommand.class, SendCommand.class, MessagesCommand.class,
            SyncCommand.class, WatchCommand.class, CallCommand.class, AnswerCommand.class, RejectCommand.class,
            HangupCommand.class, MuteCommand.class, CameraCommand.class, StatsCommand.class, SasCommand.class,
            CamerasCommand.class, SelfTestCommand.class, ShellCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ConfabCli implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ConfabCli.class);

    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The Confab server (remembered after register/login; default " + ClientConfig.DEFAULT_SERVER + ").")
    String server;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Use the profile NAME (default 'default'); each profile is one account on this computer.")
    String profileName;

    @Option(names = "--profile-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Use the profile in directory DIR instead of a named one.")
    Path profileDir;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Machine-readable output: one JSON object per line.")
    boolean json;

    @Option(names = "--self-test", scope = ScopeType.LOCAL,
            description = "Check, without a network, that crypto, the codecs, sound and cameras work here (as 'self-test').")
    boolean selfTestOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CliContext ctx;
    private final Shell shell;
    private final SelfTest selfTest;
    private ConfabClient client;
    private boolean relayCallsOnly;

    public ConfabCli(CliContext ctx) {
        this(ctx, null);
    }

    ConfabCli(CliContext ctx, Shell shell) {
        this(ctx, shell, SelfTest.standard());
    }

    /** A root whose self-test runs {@code selfTest}'s checks (tests inject failing or hanging ones). */
    ConfabCli(CliContext ctx, Shell shell, SelfTest selfTest) {
        this.ctx = ctx;
        this.shell = shell;
        this.selfTest = selfTest;
    }

    /** Runs one command line and returns its exit code. */
    public static int run(CliContext ctx, String... args) {
        return new ConfabCli(ctx).execute(args);
    }

    /** Runs one command line on this root and returns its exit code. */
    int execute(String... args) {
        try {
            return commandLine().execute(args);
        } finally {
            closeClient();
        }
    }

    public static void main(String[] args) {
        LogFiles.quietConsole();
        System.exit(run(CliContext.system(), args));
    }

    @Override
    public Integer call() {
        if (selfTestOption) {
            return runSelfTest();
        }
        spec.commandLine().usage(ctx.out());
        return ExitCodes.USAGE;
    }

    CommandLine commandLine() {
        CommandLine line = new CommandLine(this);
        line.setOut(ctx.out());
        line.setErr(ctx.err());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> report(e));
        line.setParameterExceptionHandler((e, args) -> {
            String help = shell != null ? "Type 'help' for the commands" : "See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'";
            String message = e.getMessage();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && e.getCommandLine() == line
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().getFirst().startsWith("-")) {
                message = "Unknown command '" + unmatched.getUnmatched().getFirst() + "'";
            } else if (shell != null) {
                help = "See '" + e.getCommandLine().getCommandSpec().qualifiedName().replaceFirst("^confab ", "") + " --help'";
            }
            printer().error(message + ". " + help + ".", "usage", ExitCodes.USAGE);
            return ExitCodes.USAGE;
        });
        return line;
    }

    // ---- what commands use

    CliContext ctx() {
        return ctx;
    }

    boolean inShell() {
        return shell != null;
    }

    Shell shell() {
        return shell;
    }

    Printer printer() {
        return new Printer(ctx.out(), ctx.err(), json || (shell != null && shell.json()));
    }

    Profile profile() {
        if (shell != null) {
            return shell.profile();
        }
        if (profileDir != null && profileName != null) {
            throw new UsageException("Give either --profile or --profile-dir, not both.");
        }
        return profileDir != null ? new Profile(profileDir)
                : Profile.named(profileName == null ? Profile.DEFAULT_NAME : profileName, ctx.env());
    }

    /** The client: the shell's live one, or a new one for this command (closed when it ends). */
    ConfabClient client() {
        if (shell != null) {
            return shell.client();
        }
        if (client == null) {
            client = openClient();
        }
        return client;
    }

    ConfabClient openClient() {
        Profile profile = profile();
        profile.create();
        LogFiles.toFile(profile.logFile());
        ClientConfig config = ctx.configure().apply(ClientConfig.builder(profile).serverUrl(server)).build();
        if (relayCallsOnly) {
            config = config.toBuilder().calls(config.calls().withRelayOnly(true)).build();
        }
        return ConfabClient.open(config);
    }

    /** The client this command opens sends call media only through the TURN relay ({@code --relay-only}). */
    void relayCallsOnly() {
        relayCallsOnly = true;
    }

    /** The self-test: needs no profile, no server. */
    int runSelfTest() {
        return SelfTestCommand.run(selfTest, printer());
    }

    Passwords passwords(boolean fromStdin) {
        return new Passwords(ctx, fromStdin, shell != null);
    }

    void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Prints a failure for people (or as JSON) and returns its exit code. */
    int report(Exception e) {
        int code = e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.of(e);
        String wire = e instanceof ApiException api && api.wireCode() != null ? api.wireCode()
                : e instanceof ClientException c && c.code() != null ? c.code().wire()
                : e instanceof ProtocolException p ? p.code().wire()
                : e instanceof ApiException api2 && api2.unreachable() ? "unreachable"
                : e instanceof UsageException ? "usage"
                : e instanceof dev.confab.client.core.NotSignedInException ? "not_signed_in"
                : e instanceof dev.confab.client.core.keys.UntrustedKeyException ? "untrusted_key_change" : null;
        String message;
        if (e instanceof ClientException || e instanceof UsageException || e instanceof ProtocolException
                || e instanceof IllegalArgumentException) {
            message = e.getMessage() + hint(e);
            log.info("Command failed: {}", message);
        } else {
            log.error("Unexpected failure", e);
            message = "Something went wrong inside confab (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). Details are in " + logHint() + ".";
        }
        if (e instanceof StoreException) {
            log.error("Store failure", e);
        }
        printer().error(message, wire, code);
        return code;
    }

    private String logHint() {
        try {
            return profile().logFile().toString();
        } catch (RuntimeException e) {
            return "the profile's confab.log";
        }
    }

    private String hint(Exception e) {
        if (!(e instanceof ApiException api)) {
            return "";
        }
        if (api.is(ErrorCode.UNAUTHORIZED)) {
            return " Sign in again with 'login <username>'.";
        }
        if (api.is(ErrorCode.TOO_MANY_DEVICES)) {
            return " Remove a device you no longer use ('devices list', then 'devices remove DEVICE_ID' where you are signed in).";
        }
        if (api.is(ErrorCode.RATE_LIMITED) && api.retryAfterSeconds() > 0) {
            return " Try again in " + api.retryAfterSeconds() + " s.";
        }
        return "";
    }

    /** The version from the jar's manifest, and the Java runtime and system it runs on. Stateless. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line(), runtime()};
        }

        /** Such as {@code confab 0.1.0, protocol 1}. */
        static String line() {
            return "confab " + number() + ", protocol " + dev.confab.protocol.ProtocolVersion.CURRENT;
        }

        /** The jar's version, or "(development build)" when running from classes. */
        static String number() {
            String version = ConfabCli.class.getPackage().getImplementationVersion();
            return version == null ? "(development build)" : version;
        }

        /** Such as {@code Java 25.0.3 (Eclipse Adoptium), Linux amd64}. */
        static String runtime() {
            return java() + ", " + os();
        }

        static String java() {
            return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        }

        static String os() {
            return System.getProperty("os.name") + " " + System.getProperty("os.arch");
        }
    }
}
