package dev.confab.testkit.net.impairment;

import dev.confab.testkit.net.ControlLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Runs an {@link ImpairmentRelay} in its own JVM, such as inside a lab host through
 * {@code host.startJvm(ImpairmentRelayMain.class, "--bind", "203.0.113.10", "--peer-b", "203.0.113.10:3478")}.
 * Arguments: {@code --bind ADDRESS} (loopback by default), {@code --peer-a HOST:PORT}, {@code --peer-b HOST:PORT},
 * {@code --seed N}. It first prints {@code relay A_PORT B_PORT}, then serves {@link ControlLoop} commands:
 * <ul>
 *   <li>{@code impair a-to-b|b-to-a|both SPEC} (see {@link ImpairmentSpec}) → {@code ok}</li>
 *   <li>{@code counters a-to-b|b-to-a} → {@code counters RECEIVED FORWARDED LOST OVERFLOWED DUPLICATED REORDERED
 *       UNDELIVERABLE}</li>
 * </ul>
 * and closes the relay when the loop ends. Runs on the main thread plus the relay's.
 */
public final class ImpairmentRelayMain {
    private ImpairmentRelayMain() {}

    public static void main(String[] args) throws UnknownHostException {
        ImpairmentRelay.Builder builder = ImpairmentRelay.builder();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bind" -> builder.bind(InetAddress.getByName(args[i + 1]));
                case "--peer-a" -> builder.peerA(address(args[i + 1]));
                case "--peer-b" -> builder.peerB(address(args[i + 1]));
                case "--seed" -> builder.seed(Long.parseLong(args[i + 1]));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        try (ImpairmentRelay relay = builder.start()) {
            System.out.println("relay " + relay.addressA().getPort() + " " + relay.addressB().getPort());
            System.out.flush();
            ControlLoop.run(command -> handle(relay, command));
        }
    }

    private static String handle(ImpairmentRelay relay, String command) {
        String[] words = command.split(" ", 3);
        return switch (words[0]) {
            case "impair" -> {
                Impairment impairment = ImpairmentSpec.parse(words.length > 2 ? words[2] : "");
                if (words[1].equals("both")) {
                    relay.impairBoth(impairment);
                } else {
                    relay.impair(direction(words[1]), impairment);
                }
                yield "ok";
            }
            case "counters" -> {
                RelayCounters c = relay.counters(direction(words[1]));
                yield "counters " + c.received() + " " + c.forwarded() + " " + c.lost() + " " + c.overflowed() + " "
                        + c.duplicated() + " " + c.reordered() + " " + c.undeliverable();
            }
            default -> throw new IllegalArgumentException("unknown command: " + command);
        };
    }

    private static Direction direction(String name) {
        return Direction.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static InetSocketAddress address(String hostAndPort) throws UnknownHostException {
        int colon = hostAndPort.lastIndexOf(':');
        return new InetSocketAddress(InetAddress.getByName(hostAndPort.substring(0, colon)),
                Integer.parseInt(hostAndPort.substring(colon + 1)));
    }
}
