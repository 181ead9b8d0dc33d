package dev.confab.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.testkit.FreePorts;
import dev.confab.testkit.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The {@code confab} CLI, driven in-process against the real server: commands, output, exit codes, the shell. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliTest {
    private static final String PASSWORD = "correct horse battery 42";

    @TempDir
    static Path home;
    static ServerProcess server;

    @BeforeAll
    static void start() {
        server = ServerProcess.builder().build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs confab as {@code profile} against the test server. */
    private static CliRun as(String profile, String stdin, String... args) {
        return CliRun.of(stdin, Map.of(), CliRun.onProfile(server.baseUrl(), home.resolve(profile), args));
    }

    @Test
    @Order(0)
    void camerasListsTheTestPatternByTheNameCallTakesWithoutSigningIn() {
        CliRun listed = as("nobody", "", "cameras");
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("camera", "Confab test pattern");
        CliRun json = as("nobody", "", "--json", "cameras");
        assertThat(json.out()).contains("{\"camera\":\"Confab test pattern\",\"modes\":[");
    }

    @Test
    @Order(1)
    void registerSignsInAndRemembersTheServer() {
        CliRun alice = as("alice", PASSWORD + "\n", "register", "alice", "--password-stdin");
        assertThat(alice.exit()).as(alice.toString()).isZero();
        assertThat(alice.out()).contains("Registered and signed in as alice");
        assertThat(as("bob", PASSWORD + "\n", "register", "bob", "--password-stdin").exit()).isZero();
        assertThat(as("carol", PASSWORD + "\n", "--json", "register", "carol", "--password-stdin").json())
                .first().satisfies(j -> assertThat(j.get("username").asText()).isEqualTo("carol"));

        // The server is remembered in the profile: no --server needed any more.
        CliRun whoami = CliRun.of("", Map.of(), "--profile-dir", home.resolve("alice").toString(), "whoami", "--json");
        assertThat(whoami.exit()).as(whoami.toString()).isZero();
        JsonNode me = whoami.json().getFirst();
        assertThat(me.get("username").asText()).isEqualTo("alice");
        assertThat(me.get("fingerprint").asText()).hasSize(79);
    }

    @Test
    @Order(2)
    void failuresHaveTheirDocumentedExitCodes() {
        CliRun taken = as("alice-again", PASSWORD + "\n", "register", "alice", "--password-stdin");
        assertThat(taken.exit()).as(taken.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(taken.err()).startsWith("Error: ").doesNotContain("Exception").doesNotContain("\tat ");

        CliRun wrong = as("alice-elsewhere", "not the password at all\n", "login", "alice", "--password-stdin");
        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(ExitCodes.AUTH);

        CliRun unknown = as("alice", "", "contacts", "add", "nobody-by-this-name");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(ExitCodes.NOT_FOUND);

        CliRun stranger = as("carol", "", "send", "alice", "hello", "stranger");
        assertThat(stranger.exit()).as(stranger.toString()).isEqualTo(ExitCodes.FORBIDDEN);
        assertThat(stranger.err()).contains("not one of your contacts");

        CliRun down = CliRun.of("", Map.of(), "--server", "http://127.0.0.1:" + FreePorts.tcp(),
                "--profile-dir", home.resolve("alice").toString(), "contacts", "list");
        assertThat(down.exit()).as(down.toString()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(down.err()).contains("Cannot reach the Confab server");

        CliRun notSignedIn = as("nobody", "", "contacts", "list");
        assertThat(notSignedIn.exit()).isEqualTo(ExitCodes.AUTH);
        assertThat(notSignedIn.err()).contains("login");

        CliRun usage = as("alice", "", "send", "bob");
        assertThat(usage.exit()).isEqualTo(ExitCodes.USAGE);

        CliRun noPassword = as("dave", "", "register", "dave");
        assertThat(noPassword.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPassword.err()).contains("--password-stdin");

        CliRun json = as("carol", "", "--json", "send", "alice", "hi");
        assertThat(json.exit()).isEqualTo(ExitCodes.FORBIDDEN);
        assertThat(json.err()).contains("\"error\":\"not_contacts\"");
    }

    @Test
    @Order(3)
    void contactsAreAskedAcceptedAndListedWithPresence() {
        CliRun ask = as("alice", "", "contacts", "add", "bob", "--message", "it's alice");
        assertThat(ask.exit()).as(ask.toString()).isZero();

        CliRun requests = as("bob", "", "--json", "contacts", "requests");
        assertThat(requests.exit()).as(requests.toString()).isZero();
        assertThat(requests.json()).singleElement().satisfies(r -> {
            assertThat(r.get("direction").asText()).isEqualTo("incoming");
            assertThat(r.get("from").asText()).isEqualTo("alice");
            assertThat(r.get("message").asText()).isEqualTo("it's alice");
        });

        CliRun accept = as("bob", "", "contacts", "accept", "alice");
        assertThat(accept.exit()).as(accept.toString()).isZero();
        assertThat(accept.out()).contains("Accepted alice's request");

        CliRun list = as("alice", "", "contacts", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("CONTACT").contains("bob").contains("offline");
        List<JsonNode> listed = as("alice", "", "contacts", "list", "--json").json();
        assertThat(listed).singleElement().satisfies(c -> {
            assertThat(c.get("username").asText()).isEqualTo("bob");
            assertThat(c.get("presence").asText()).isEqualTo("offline");
        });

        CliRun keys = as("alice", "", "contacts", "keys", "bob");
        assertThat(keys.exit()).as(keys.toString()).isZero();
        assertThat(keys.out()).contains("Safety number with bob").contains("trusted");
        assertThat(as("bob", "", "--json", "contacts", "keys", "alice").json().getFirst().get("safetyNumber").asText())
                .isEqualTo(as("alice", "", "--json", "contacts", "keys", "bob").json().getFirst().get("safetyNumber").asText());
    }

    @Test
    @Order(4)
    void messagesAreSentReadAndShowTheirState() {
        CliRun send = as("alice", "", "send", "bob", "hello", "bob,", "how are you?");
        assertThat(send.exit()).as(send.toString()).isZero();
        assertThat(send.out()).contains("Sent to bob");

        CliRun read = as("bob", "", "--json", "messages", "alice");
        assertThat(read.exit()).as(read.toString()).isZero();
        assertThat(read.json()).singleElement().satisfies(m -> {
            assertThat(m.get("text").asText()).isEqualTo("hello bob, how are you?");
            assertThat(m.get("from").asText()).isEqualTo("alice");
        });

        CliRun seen = as("alice", "", "messages", "bob");
        assertThat(seen.exit()).as(seen.toString()).isZero();
        assertThat(seen.out()).contains("you: hello bob, how are you?  (read)");

        assertThat(as("bob", "", "send", "alice", "fine, thanks").exit()).isZero();
        CliRun both = as("alice", "", "messages", "bob", "--limit", "1");
        assertThat(both.out()).contains("bob: fine, thanks").doesNotContain("how are you").contains("--before");
    }

    @Test
    @Order(5)
    void theShellStaysConnectedAndTakesCommands() {
        String script = String.join("\n", "help", "contacts", "send bob \"from the shell\"", "messages bob --limit 1",
                "presence set away", "frobnicate", "quit") + "\n";
        CliRun shell = as("alice", script, "shell");
        assertThat(shell.exit()).as(shell.toString()).isZero();
        assertThat(shell.out()).contains("Confab shell").contains("Signed in as alice").contains("contacts add <username>")
                .contains("bob").contains("from the shell").contains("Presence set to away").contains("Bye.");
        assertThat(shell.err()).contains("frobnicate");

        CliRun bob = as("bob", "", "messages", "alice", "--limit", "1");
        assertThat(bob.out()).contains("alice: from the shell");
    }

    @Test
    @Order(6)
    void aNewUserCanRegisterFromTheShell() {
        String script = "register erin\n" + PASSWORD + "\nwhoami\nlogout\nwhoami\nquit\n";
        CliRun shell = as("erin", script, "shell");
        assertThat(shell.exit()).as(shell.toString()).isZero();
        assertThat(shell.out()).contains("Not signed in").contains("Registered and signed in as erin").contains("User:      erin")
                .contains("Signed out erin");
        assertThat(shell.err()).contains("Not signed in");
    }

    @Test
    @Order(7)
    void watchPrintsEventsUntilInputEnds() {
        CliRun watch = as("bob", "", "--json", "watch", "--until-eof", "--status", "busy");
        assertThat(watch.exit()).as(watch.toString()).isZero();
        assertThat(watch.json()).anySatisfy(e -> assertThat(e.get("event").asText()).isEqualTo("connection"));
    }

    @Test
    @Order(8)
    void aContactsNewDeviceStopsSendingUntilTrusted() {
        CliRun phone = as("bob-new-phone", PASSWORD + "\n", "login", "bob", "--password-stdin");
        assertThat(phone.exit()).as(phone.toString()).isZero();

        CliRun refused = as("alice", "", "send", "bob", "is", "this", "you?");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.UNTRUSTED_KEY);
        assertThat(refused.err()).contains("contacts trust bob");

        CliRun keys = as("alice", "", "contacts", "keys", "bob");
        assertThat(keys.exit()).as(keys.toString()).isZero();
        assertThat(keys.out()).contains("NEW - not trusted yet").contains("WARNING").contains("trusted");

        CliRun trust = as("alice", "", "contacts", "trust", "bob");
        assertThat(trust.exit()).as(trust.toString()).isZero();
        assertThat(as("alice", "", "send", "bob", "hello", "both", "devices").exit()).isZero();
        assertThat(as("bob-new-phone", "", "messages", "alice").out()).contains("alice: hello both devices");
        assertThat(as("bob", "", "messages", "alice").out()).contains("alice: hello both devices");
    }

    @Test
    @Order(9)
    void requestsBlocksSessionsPasswordsAndDeletion() {
        assertThat(as("frank", PASSWORD + "\n", "register", "frank", "--password-stdin").exit()).isZero();
        assertThat(as("frank-laptop", PASSWORD + "\n", "login", "frank", "--password-stdin").exit()).isZero();

        // Requests: cancelled, declined (after which the server makes frank wait before asking again), then accepted.
        assertThat(as("frank", "", "contacts", "add", "carol").exit()).isZero();
        assertThat(as("frank", "", "--json", "contacts", "requests").json()).singleElement()
                .satisfies(r -> assertThat(r.get("direction").asText()).isEqualTo("outgoing"));
        assertThat(as("frank", "", "contacts", "cancel", "carol").exit()).isZero();
        assertThat(as("carol", "", "contacts", "accept", "frank").exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(as("frank", "", "contacts", "add", "carol").exit()).isZero();
        assertThat(as("carol", "", "contacts", "decline", "frank").exit()).isZero();
        CliRun again = as("frank", "", "contacts", "add", "carol");
        assertThat(again.exit()).as(again.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(as("carol", "", "contacts", "add", "frank").exit()).isZero();
        assertThat(as("frank", "", "contacts", "accept", "carol").exit()).isZero();
        assertThat(as("frank", "", "contacts", "add", "carol").exit()).isEqualTo(ExitCodes.CONFLICT);

        // Blocks: nothing gets through while one stands.
        assertThat(as("frank", "", "contacts", "block", "carol").exit()).isZero();
        assertThat(as("carol", "", "send", "frank", "let", "me", "in").exit()).isEqualTo(ExitCodes.FORBIDDEN);
        assertThat(as("frank", "", "contacts", "unblock", "carol").exit()).isZero();
        assertThat(as("carol", "", "send", "frank", "thanks").exit()).isZero();
        assertThat(as("frank", "", "contacts", "remove", "carol").exit()).isZero();
        assertThat(as("frank", "", "--json", "contacts", "list").json()).isEmpty();

        // Sessions: two, one revoked from the other.
        List<JsonNode> sessions = as("frank", "", "--json", "sessions", "list").json();
        assertThat(sessions).hasSize(2);
        String laptopSession = sessions.stream().filter(j -> !j.get("current").asBoolean()).findFirst().orElseThrow()
                .get("sessionId").asText();
        assertThat(as("frank", "", "sessions", "revoke", laptopSession).exit()).isZero();
        assertThat(as("frank-laptop", "", "whoami").exit()).isEqualTo(ExitCodes.AUTH);
        assertThat(as("frank", "", "--json", "devices", "list").json()).hasSize(2);

        // Password: the old one stops working, the new one works.
        String fresh = "a brand new passphrase 9";
        CliRun passwd = as("frank", PASSWORD + "\n" + fresh + "\n", "passwd", "--password-stdin");
        assertThat(passwd.exit()).as(passwd.toString()).isZero();
        assertThat(as("frank-laptop", PASSWORD + "\n", "login", "frank", "--password-stdin").exit()).isEqualTo(ExitCodes.AUTH);
        assertThat(as("frank-laptop", fresh + "\n", "login", "frank", "--password-stdin").exit()).isZero();
        assertThat(as("frank-laptop", "", "logout").exit()).isZero();
        assertThat(as("frank-laptop", "", "whoami").exit()).isEqualTo(ExitCodes.AUTH);

        // Deletion: the account is gone for good.
        CliRun delete = as("frank", fresh + "\n", "delete-account", "--password-stdin", "--yes");
        assertThat(delete.exit()).as(delete.toString()).isZero();
        assertThat(as("frank-laptop", fresh + "\n", "login", "frank", "--password-stdin").exit()).isEqualTo(ExitCodes.AUTH);
        assertThat(as("frank", "", "whoami").exit()).isEqualTo(ExitCodes.AUTH);
    }

    @Test
    @Order(10)
    void aSendThatCannotReachTheServerSaysItWasQueuedOrDiscardsItWithNoQueue() throws Exception {
        try (RelayWithCut relay = new RelayWithCut(server.baseUrl())) {
            relay.cut("POST /api/v1/messages"); // lookups pass; the send itself never reaches the server
            CliRun queued = via(relay, "alice", "send", "bob", "kept", "for", "later");
            assertThat(queued.exit()).as(queued.toString()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(queued.out()).contains("Queued for bob, not sent yet").contains("'confab sync'").contains("do not send it again");

            CliRun dropped = via(relay, "alice", "--json", "send", "--no-queue", "bob", "dropped", "for", "good");
            assertThat(dropped.exit()).as(dropped.toString()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(dropped.json()).singleElement().satisfies(j -> {
                assertThat(j.get("state").asText()).isEqualTo("failed");
                assertThat(j.has("queued")).isFalse();
            });
        }

        CliRun sync = as("alice", "", "--json", "sync");
        assertThat(sync.exit()).as(sync.toString()).isZero();
        assertThat(sync.json().getFirst().get("sent").asInt()).isEqualTo(1);
        assertThat(as("alice", "", "--json", "sync").json().getFirst().get("sent").asInt()).isZero();
        List<String> bobRead = as("bob", "", "--json", "messages", "alice", "--limit", "50").json().stream()
                .filter(j -> j.has("text")).map(j -> j.get("text").asText()).toList();
        assertThat(bobRead).containsOnlyOnce("kept for later").doesNotContain("dropped for good");
        assertThat(as("alice", "", "messages", "bob", "--limit", "2").out())
                .contains("you: dropped for good  (failed: Not sent").contains("you: kept for later  (read)");
    }

    @Test
    @Order(11)
    void aNewDeviceOnTheOwnAccountGetsNoCopiesUntilTrustedWithDevicesTrust() {
        CliRun tablet = as("alice-tablet", PASSWORD + "\n", "login", "alice", "--password-stdin");
        assertThat(tablet.exit()).as(tablet.toString()).isZero();
        String tabletId = as("alice-tablet", "", "--json", "whoami").json().getFirst().get("deviceId").asText();

        CliRun devices = as("alice", "", "devices", "list");
        assertThat(devices.exit()).as(devices.toString()).isZero();
        assertThat(devices.out()).contains(tabletId).contains("NEW - not trusted yet").contains("devices trust " + tabletId);
        CliRun before = as("alice", "", "send", "bob", "not", "for", "the", "tablet");
        assertThat(before.exit()).as(before.toString()).isZero();
        assertThat(before.err()).contains("not trusted").contains(tabletId);

        CliRun trust = as("alice", "", "devices", "trust", tabletId);
        assertThat(trust.exit()).as(trust.toString()).isZero();
        assertThat(as("alice", "", "--json", "devices", "list").json())
                .anySatisfy(d -> {
                    assertThat(d.get("deviceId").asText()).isEqualTo(tabletId);
                    assertThat(d.get("trust").asText()).isEqualTo("trusted");
                });
        CliRun after = as("alice", "", "send", "bob", "for", "the", "tablet", "too");
        assertThat(after.exit()).as(after.toString()).isZero();
        assertThat(after.err()).doesNotContain("not trusted");
        assertThat(as("alice", "", "devices", "trust", "d_no-such-device").exit()).isEqualTo(ExitCodes.NOT_FOUND);

        String onTablet = as("alice-tablet", "", "messages", "bob").out();
        assertThat(onTablet).contains("you: for the tablet too").doesNotContain("not for the tablet");
    }

    /** Runs confab as {@code profile} through {@code relay} instead of straight to the server. */
    private static CliRun via(RelayWithCut relay, String profile, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--server";
        all[1] = relay.url();
        all[2] = "--profile-dir";
        all[3] = home.resolve(profile).toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRun.of("", Map.of(), all);
    }
}
