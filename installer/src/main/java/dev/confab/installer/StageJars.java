package dev.confab.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Stages a built application for one platform's package: its main jar with the build's version stamped into the
 * manifest, and its libraries with only that platform's natives.
 *
 * <pre>java installer/src/main/java/dev/confab/installer/StageJars.java PLATFORM VERSION MAIN_JAR LIB_DIR INTO_DIR</pre>
 *
 * writes INTO_DIR/MAIN_JAR's name and INTO_DIR/lib/*.jar. Entries keep their recorded times, so staging the same jars
 * twice gives the same bytes. Runs on one thread; a command-line tool.
 */
public final class StageJars {

    private StageJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: StageJars PLATFORM VERSION MAIN_JAR LIB_DIR INTO_DIR");
            System.exit(2);
        }
        Platform platform;
        try {
            platform = Platform.named(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println("StageJars: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path mainJar = Path.of(args[2]);
        Path libDir = Path.of(args[3]);
        Path into = Path.of(args[4]);
        Files.createDirectories(into.resolve("lib"));
        copy(mainJar, into.resolve(mainJar.getFileName()), entry -> true, args[1]);
        long removed = 0;
        for (Path lib : jarsIn(libDir)) {
            removed += copy(lib, into.resolve("lib").resolve(lib.getFileName()), platform::keeps, null);
        }
        System.out.printf("Staged %s for %s: %d other-platform native entries left out%n",
                mainJar.getFileName(), platform.name(), removed);
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Copies a jar keeping the entries {@code kept} accepts (stamping {@code version} when given); the count dropped. */
    static long copy(Path from, Path to, Predicate<String> kept, String version) throws IOException {
        if (version == null && entryNames(from).stream().allMatch(kept)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return 0;
        }
        long dropped = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (!kept.test(entry.getName())) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (version != null && entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    stamped(in, version).write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return dropped;
    }

    private static Manifest stamped(InputStream manifest, String version) throws IOException {
        Manifest stamped = new Manifest(manifest);
        stamped.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        return stamped;
    }

    private static List<String> entryNames(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }
}
