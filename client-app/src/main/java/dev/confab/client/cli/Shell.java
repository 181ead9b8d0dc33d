package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.account.AccountState;
import dev.confab.client.core.store.Profile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The interactive session behind {@code confab shell}: one live client that stays connected and prints events as
 * they arrive, and a prompt that takes the same commands as {@code confab} (without the prefix), plus
 * {@code help} and {@code quit}. Reads commands from the context's standard input until {@code quit} or its end.
 */
final class Shell {
    private static final String HELP = """
            Commands (the same as 'confab <command>'; add --help to any for details):
              register <username>            create an account and sign in
              login <username> / logout      sign in or out
              whoami                         who you are, your key fingerprint
              contacts                       your contacts and their presence
              contacts add <username> [-m TEXT]   ask someone to be your contact
              contacts requests              pending requests
              contacts accept|decline|cancel <username>
              contacts remove|block|unblock <username>
              contacts keys <username>       safety number and devices; 'contacts trust <username>' after comparing
              send <username> <text...>      send a message (queued while not connected; --no-queue refuses then)
              messages <username>            show the conversation and mark it read
              presence set online|away|busy  how contacts see you
              devices                        your devices; 'devices trust <id>' for a new one you signed in on
              call <username> [--mic-wav F] [--record-wav F]   call a contact (--mic/--speaker NAME: devices;
                                             --camera NAME: video, 'cameras' lists them)
              answer / reject                answer or decline the call ringing now
              hangup                         end the call (or cancel it while it rings)
              mute [on|off]                  mute or unmute your microphone (no argument: toggle)
              camera [on|off]                turn your camera off or on again (no argument: toggle)
              stats, sas                     the call's statistics; the words to compare with the other person
              sessions, passwd, delete-account
              help                           this list
              quit                           leave (Ctrl-D works too)""";

    private final ConfabCli root;
    private final Profile profile;
    private final boolean json;
    private final boolean interactive;
    private ConfabClient client;
    /** True while the shell waits for a line; set by the reading thread, read by the event thread. */
    private volatile boolean waitingForInput;

    Shell(ConfabCli root) {
        this.root = root;
        this.profile = root.profile();
        this.json = root.json;
        this.interactive = root.ctx().console() != null;
    }

    Profile profile() {
        return profile;
    }

    boolean json() {
        return json;
    }

    ConfabClient client() {
        return client;
    }

    int run() {
        client = root.client();
        Printer out = root.printer();
        client.addListener(new EventPrinter(client, out, this::promptAgain));
        client.calls().addObserver(new CallPrinter(out, true, this::promptAgain));
        out.say("Confab shell. Server: " + client.serverUrl() + ". Profile: " + profile.dir());
        if (client.account().signedIn()) {
            out.say("Signed in as " + client.account().current().map(AccountState::username).orElseThrow()
                    + ". Type 'help' for commands, 'quit' to leave.");
        } else {
            out.say("Not signed in. Type 'register <username>' for a new account or 'login <username>'; 'help' lists commands.");
        }
        client.start();
        while (true) {
            prompt();
            String line;
            waitingForInput = true;
            try {
                line = root.ctx().in().readLine();
            } catch (IOException e) {
                break;
            } finally {
                waitingForInput = false;
            }
            if (line == null) {
                break;
            }
            List<String> args;
            try {
                args = tokenize(line);
            } catch (IllegalArgumentException e) {
                out.error(e.getMessage(), "usage", ExitCodes.USAGE);
                continue;
            }
            if (args.isEmpty()) {
                continue;
            }
            if (args.getFirst().equals("confab")) {
                args = args.subList(1, args.size());
                if (args.isEmpty()) {
                    continue;
                }
            }
            String command = args.getFirst().toLowerCase(Locale.ROOT);
            if (command.equals("quit") || command.equals("exit")) {
                break;
            }
            if (command.equals("help") || command.equals("?")) {
                if (args.size() == 1) {
                    out.say(HELP);
                    continue;
                }
            }
            new ConfabCli(root.ctx(), this).commandLine().execute(args.toArray(String[]::new));
        }
        client.stop();
        if (client.account().signedIn() && !client.chat().outboxEmpty()) {
            try {
                client.chat().flushOutbox();
            } catch (RuntimeException e) {
                // Reported just below.
            }
            if (!client.chat().outboxEmpty()) {
                out.warn("Some messages are still queued; they go out the next time this profile reaches the server.");
            }
        }
        out.say("Bye.");
        return ExitCodes.OK;
    }

    /** After an event printed: show the prompt again, but only while the user is at it (not mid-command, not leaving). */
    private void promptAgain() {
        if (waitingForInput) {
            prompt();
        }
    }

    private void prompt() {
        if (!interactive || json) {
            return;
        }
        String who = client == null ? "confab" : client.account().current().map(AccountState::username).orElse("confab");
        root.ctx().out().print(who + "> ");
        root.ctx().out().flush();
    }

    /** Splits a line like a shell does: spaces separate, quotes group, backslash escapes. */
    static List<String> tokenize(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("A quote is not closed.");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
