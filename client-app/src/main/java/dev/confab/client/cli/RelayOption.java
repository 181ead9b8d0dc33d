package dev.confab.client.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --relay-only} option of {@code call}, {@code answer} and {@code shell}: the command's client sends call
 * media only through the server's TURN relay. Filled by picocli; not thread-safe.
 */
final class RelayOption {
    @Option(names = "--relay-only", description = {"Send the call's audio only through the server's relay (TURN):"
            + " your contact never learns your IP addresses, at the cost of a longer path. Without a relay on the"
            + " server the call cannot connect."})
    boolean relayOnly;

    /** Makes {@code root} open its client with relay-only calls; call before the command's first {@code client()}. */
    void applyTo(ConfabCli root) {
        if (!relayOnly) {
            return;
        }
        if (root.inShell()) {
            throw new UsageException("In the shell, --relay-only is given when it starts: 'confab shell --relay-only'.");
        }
        root.relayCallsOnly();
    }
}
