package dev.confab.client.cli;

import dev.confab.protocol.PresenceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code confab presence set online|away|busy}. */
@Command(name = "presence", description = "Show or choose how contacts see this device: online, away or busy.")
final class PresenceCommand extends CommandBase {
    /** What people may choose. */
    enum Choice { online, away, busy }

    @Override
    public Integer call() {
        signedIn();
        String state = client().presence().chosen().map(PresenceState::wire).orElse("online");
        out().result("This device shows you as " + state + " while connected.", Printer.obj("presence", state));
        return ExitCodes.OK;
    }

    @Command(name = "set", description = "Choose this device's presence: online, away or busy.")
    int set(@Parameters(paramLabel = "STATE", description = "online, away or busy") Choice choice) {
        signedIn();
        client().presence().set(PresenceState.fromWire(choice.name()));
        out().result("Presence set to " + choice + ".", Printer.obj("presence", choice.name()));
        return ExitCodes.OK;
    }
}
