package dev.confab.testkit.net;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the lab's namespaces and removes them. Every lab namespace is called {@code cfl-<pid>-<n>-<node>}, where pid
 * is the test JVM that made it: a namespace whose JVM is gone is a leftover of a crashed run, and the next lab removes
 * it (and kills what still runs in it) before it starts. Thread-safe.
 */
final class LabNamespaces {
    /** Start of every namespace the lab makes. */
    static final String PREFIX = "cfl-";
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-\\d+-.*");
    private static final AtomicInteger LABS = new AtomicInteger();

    private LabNamespaces() {}

    /** A fresh lab id of this JVM, such as {@code cfl-4242-3}. */
    static String newLabId() {
        return PREFIX + ProcessHandle.current().pid() + "-" + LABS.incrementAndGet();
    }

    /** Every network namespace that exists ({@code ip netns list}), by name. */
    static List<String> all(LabTools tools) {
        return Shell.check(List.of(tools.ip, "netns", "list")).lines()
                .map(line -> line.split(" ", 2)[0]).filter(name -> !name.isBlank()).toList();
    }

    /** The namespaces whose names start with {@code prefix}. */
    static List<String> startingWith(LabTools tools, String prefix) {
        return all(tools).stream().filter(name -> name.startsWith(prefix)).toList();
    }

    /** Removes lab namespaces whose JVM no longer runs; returns their names. */
    static synchronized List<String> removeLeftovers(LabTools tools) {
        List<String> leftovers = startingWith(tools, PREFIX).stream()
                .filter(name -> owner(name).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isEmpty())
                .toList();
        leftovers.forEach(name -> delete(tools, name));
        return leftovers;
    }

    /** Kills whatever still runs in the namespace, then deletes it (its veths, rules and queues go with it). */
    static void delete(LabTools tools, String namespace) {
        CommandResult pids = Shell.run(List.of(tools.ip, "netns", "pids", namespace));
        pids.output().lines().map(String::strip).filter(p -> p.matches("\\d+"))
                .forEach(p -> ProcessHandle.of(Long.parseLong(p)).ifPresent(ProcessHandle::destroyForcibly));
        Shell.check(List.of(tools.ip, "netns", "delete", namespace));
    }

    private static Optional<Long> owner(String namespace) {
        Matcher matcher = OWNED.matcher(namespace);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
