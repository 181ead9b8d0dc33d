package dev.confab.client.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.cli.CliContext;
import dev.confab.client.cli.ConfabCli;
import dev.confab.testkit.Coturn;
import dev.confab.testkit.ServerProcess;
import dev.confab.testkit.net.Host;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the lab's call tests stand on: coturn (STUN and TURN) and the server on the lab's public host, the server
 * handing out TURN credentials, and two contacts, alice and bob, registered through it, their profiles under one
 * directory. {@link #close()} stops both processes. Not thread-safe: a test class's set-up and tests use it in turn.
 */
final class LabCallServer implements AutoCloseable {
    static final String PASSWORD = "correct horse battery 42";

    private final Path home;
    private final Coturn coturn;
    private final ServerProcess server;

    private LabCallServer(Path home, Coturn coturn, ServerProcess server) {
        this.home = home;
        this.coturn = coturn;
        this.server = server;
    }

    /** Starts coturn and the server on {@code host} with {@code settings} on top, then makes alice and bob contacts. */
    static LabCallServer start(Host host, Path home, Map<String, String> settings) throws Exception {
        String ip = host.address().getHostAddress();
        Coturn coturn = Coturn.start(Coturn.Options.loopback().inNamespace(List.of("ip", "netns", "exec",
                host.namespace()), ip));
        ServerProcess server;
        try {
            String turn = ip + ":" + coturn.address().getPort();
            ServerProcess.Builder builder = ServerProcess.builder().inLabHost(host.namespace(), ip)
                    .set("turn.secret", coturn.secret())
                    .set("turn.urls", "turn:" + turn + "?transport=udp")
                    .set("stun.urls", "stun:" + turn);
            settings.forEach(builder::set);
            server = builder.build().start();
        } catch (Exception | Error e) {
            coturn.close();
            throw e;
        }
        LabCallServer started = new LabCallServer(home, coturn, server);
        started.cli(PASSWORD + "\n", "alice", "register", "alice", "--password-stdin");
        started.cli(PASSWORD + "\n", "bob", "register", "bob", "--password-stdin");
        started.cli("", "alice", "contacts", "add", "bob");
        started.cli("", "bob", "contacts", "accept", "alice");
        return started;
    }

    /** Starts {@code confab} as {@code profile} inside {@code host}, on the server's lab address. */
    LabCli startCli(Host host, String profile, String... args) {
        return LabCli.start(host, server.labUrl(), home.resolve(profile), args);
    }

    /** Runs confab in this JVM as {@code profile} through the bridge to the server; fails unless it exits 0. */
    void cli(String stdin, String profile, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)), Map.of(), null, null);
        List<String> all = new ArrayList<>(List.of("--server", server.baseUrl(), "--profile-dir",
                home.resolve(profile).toString()));
        all.addAll(List.of(args));
        int exit = ConfabCli.run(ctx, all.toArray(String[]::new));
        assertThat(exit).as(String.join(" ", args) + "\n" + out + err).isZero();
    }

    /** The last lines of both profiles' logs and coturn's: for a failure message. */
    String diagnostics() {
        return "\n=== alice's log:\n" + logTail("alice") + "\n=== bob's log:\n" + logTail("bob") + "\n=== coturn:\n"
                + coturn.log(30);
    }

    private String logTail(String profile) {
        try {
            List<String> lines = Files.readAllLines(home.resolve(profile).resolve("confab.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            coturn.close();
        }
    }
}
