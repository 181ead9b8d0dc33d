package dev.confab.testkit.net;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.stream.Collectors;

/** A child for {@link NamespaceJvmTest}: echoes, lists its IPv4 addresses, writes to stderr, fails on request. */
public final class EchoMain {
    private EchoMain() {}

    public static void main(String[] args) {
        ControlLoop.run(command -> switch (command.split(" ", 2)[0]) {
            case "echo" -> command.substring("echo".length()).strip();
            case "addresses" -> addresses();
            case "stderr" -> {
                System.err.println(command.substring("stderr".length()).strip());
                System.err.flush();
                yield "written";
            }
            case "silence" -> "";
            default -> throw new IllegalArgumentException("unknown command " + command);
        });
    }

    private static String addresses() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof java.net.Inet4Address).map(a -> a.getHostAddress())
                    .sorted().collect(Collectors.joining(" "));
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }
}
