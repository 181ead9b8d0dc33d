package dev.confab.server;

import dev.confab.server.config.ConfigException;
import dev.confab.server.config.ConfigKey;
import dev.confab.server.config.ConfigLoader;
import dev.confab.server.config.ServerConfig;
import dev.confab.server.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code confab-server}: reads the configuration (flags &gt; environment &gt; file &gt; defaults), starts the server and
 * runs until SIGTERM. Exit status 0 after a clean stop, 2 for a configuration error, 1 when it cannot start. One
 * instance per run, used by picocli on the main thread; the server it starts runs on its own threads.
 */
@Command(name = "confab-server", mixinStandardHelpOptions = true, versionProvider = ServerMain.Version.class,
        description = "The Confab signaling server: accounts, contacts, presence, chat store and call relay.",
        footer = "%nEvery setting is a key such as server.port; see confab-server.example.properties. Environment:"
                + " CONFAB_<KEY> with dots and dashes as underscores (CONFAB_DATABASE_URL).")
public final class ServerMain implements Callable<Integer> {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_START = 1;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (server.port, default 8470).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (server.bind, default 127.0.0.1).")
    String bind;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (data.dir).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "URL", description = "JDBC URL (database.url); SQLite file by default.")
    String databaseUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A .properties file (default <data-dir>/confab-server.properties when present).")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting; repeatable.")
    Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = "--print-config", description = "Print the effective settings (secrets hidden) and exit.")
    boolean printConfig;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Parses {@code args} and runs; returns the exit status. {@code out} and {@code err} take the output. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ServerMain()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof ConfigException) {
                command.getErr().println("confab-server: " + e.getMessage());
                return EXIT_CONFIG;
            }
            command.getErr().println("confab-server: cannot start: " + e);
            return EXIT_START;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new ConfigException(null, "The configuration file " + configFile + " does not exist");
        }
        Settings settings = ConfigLoader.forProcess().load(flags(), Optional.ofNullable(configFile));
        ServerConfig config = ServerConfig.from(settings);
        if (printConfig) {
            spec.commandLine().getOut().print(settings.describe());
            spec.commandLine().getOut().flush();
            return 0;
        }
        Logging.configure(config.logFormat(), config.logLevel());
        ConfabServer server = ConfabServer.start(config, Clock.systemUTC(), new SecureRandom());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "confab-shutdown"));
        server.awaitStop();
        return 0;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>(sets);
        if (port != null) {
            flags.put(ConfigKey.SERVER_PORT.key(), port.toString());
        }
        if (bind != null) {
            flags.put(ConfigKey.SERVER_BIND.key(), bind);
        }
        if (dataDir != null) {
            flags.put(ConfigKey.DATA_DIR.key(), dataDir.toString());
        }
        if (databaseUrl != null) {
            flags.put(ConfigKey.DATABASE_URL.key(), databaseUrl);
        }
        return flags;
    }

    /** Prints the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"confab-server " + ConfabServer.version()};
        }
    }
}
