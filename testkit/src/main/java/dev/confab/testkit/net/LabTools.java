package dev.confab.testkit.net;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the programs the lab drives ({@code ip}, {@code tc} from iproute2, {@code iptables}) and checks that the lab
 * can run at all (root), failing with a message that says what to install. Public so that launchers outside this
 * package can start their own processes inside a lab host ({@link #inNamespace}). Thread-safe.
 */
public final class LabTools {
    private static volatile LabTools found;

    final String ip;
    final String tc;
    final String iptables;

    private LabTools(String ip, String tc, String iptables) {
        this.ip = ip;
        this.tc = tc;
        this.iptables = iptables;
    }

    /** The tools, or an exception naming every missing one and the Debian package that has it. */
    public static LabTools require() {
        LabTools tools = found;
        if (tools != null) {
            return tools;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("The network lab needs root (network namespaces, veth pairs, iptables);"
                    + " run the tests as root, as CI does");
        }
        Optional<Path> ip = find("ip");
        Optional<Path> tc = find("tc");
        Optional<Path> iptables = find("iptables");
        List<String> missing = new ArrayList<>();
        if (ip.isEmpty() || tc.isEmpty()) {
            missing.add("iproute2");
        }
        if (iptables.isEmpty()) {
            missing.add("iptables");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The network lab needs " + String.join(" and ", missing)
                    + ": run 'apt-get install -y " + String.join(" ", missing) + "' (or ./test.sh, which installs them)");
        }
        tools = new LabTools(ip.get().toString(), tc.get().toString(), iptables.get().toString());
        found = tools;
        return tools;
    }

    /** {@code ip -n NAMESPACE args...}. */
    List<String> ipIn(String namespace, String... args) {
        return concat(List.of(ip, "-n", namespace), args);
    }

    /** {@code tc -n NAMESPACE args...}. */
    List<String> tcIn(String namespace, String... args) {
        return concat(List.of(tc, "-n", namespace), args);
    }

    /** {@code ip netns exec NAMESPACE iptables -w args...}. */
    List<String> iptablesIn(String namespace, String... args) {
        return concat(inNamespace(namespace, List.of(iptables, "-w")), args);
    }

    /** {@code command} run inside {@code namespace} ({@code ip netns exec NAMESPACE command...}). */
    public List<String> inNamespace(String namespace, List<String> command) {
        List<String> all = new ArrayList<>(List.of(ip, "netns", "exec", namespace));
        all.addAll(command);
        return all;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
    }
}
