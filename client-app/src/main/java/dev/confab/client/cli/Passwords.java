package dev.confab.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where passwords come from, never a plain argument: {@code --password-stdin} (a line of standard input), the
 * environment ({@code CONFAB_PASSWORD}, and {@code CONFAB_NEW_PASSWORD} for a new one), or a prompt with echo
 * off on the terminal. Inside {@code shell} without a terminal, the next input line answers the prompt.
 */
final class Passwords {
    static final String ENV = "CONFAB_PASSWORD";
    static final String ENV_NEW = "CONFAB_NEW_PASSWORD";

    private final CliContext ctx;
    private final boolean fromStdin;
    private final boolean shell;

    Passwords(CliContext ctx, boolean fromStdin, boolean shell) {
        this.ctx = ctx;
        this.fromStdin = fromStdin;
        this.shell = shell;
    }

    /** The current password. */
    String current(String prompt) {
        return read(prompt, ENV);
    }

    /** A password being chosen (register): asked twice on a terminal. */
    String fresh(String prompt) {
        boolean prompted = !fromStdin && ctx.env().get(ENV) == null;
        String password = read(prompt, ENV);
        if (prompted && ctx.console() != null) {
            confirm(password);
        }
        return password;
    }

    /** The new password for 'passwd' (CONFAB_NEW_PASSWORD, the second stdin line, or a prompt). */
    String newPassword(String prompt) {
        String password;
        if (fromStdin) {
            password = line();
        } else if (ctx.env().get(ENV_NEW) != null) {
            password = ctx.env().get(ENV_NEW);
        } else {
            password = prompt(prompt);
            if (ctx.console() != null) {
                confirm(password);
            }
        }
        return require(password);
    }

    private void confirm(String password) {
        char[] again = ctx.console().readPassword("Repeat it: ");
        if (again == null || !new String(again).equals(password)) {
            throw new UsageException("The two passwords differ; nothing was changed.");
        }
    }

    private String read(String prompt, String env) {
        if (fromStdin) {
            return require(line());
        }
        String value = ctx.env().get(env);
        if (value != null) {
            return require(value);
        }
        return require(prompt(prompt));
    }

    private String prompt(String prompt) {
        if (ctx.console() != null) {
            char[] typed = ctx.console().readPassword(prompt);
            return typed == null ? null : new String(typed);
        }
        if (shell) {
            ctx.out().print(prompt);
            ctx.out().flush();
            return line();
        }
        throw new UsageException("No password given. Pipe it with --password-stdin, set " + ENV + ", or run in a terminal.");
    }

    private String line() {
        try {
            return ctx.in().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String require(String password) {
        if (password == null || password.isEmpty()) {
            throw new UsageException("No password given.");
        }
        return password;
    }
}
