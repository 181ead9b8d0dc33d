package dev.confab.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageJarsTest {
    @TempDir
    Path dir;

    @Test
    void dropsOtherPlatformsNativesAndKeepsTheRestByteForByte() throws IOException {
        Path jar = jar("lib.jar", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
                "org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib", "org/sqlite/JDBC.class");

        long dropped = StageJars.copy(jar, dir.resolve("out.jar"), Platform.named("linux-x86_64")::keeps, null);

        assertThat(dropped).isEqualTo(1);
        assertThat(entries(dir.resolve("out.jar"))).containsExactly(JarFile.MANIFEST_NAME,
                "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", "org/sqlite/JDBC.class");
        try (JarFile out = new JarFile(dir.resolve("out.jar").toFile())) {
            assertThat(out.getInputStream(out.getEntry("org/sqlite/JDBC.class")).readAllBytes())
                    .isEqualTo("org/sqlite/JDBC.class".getBytes());
        }
    }

    @Test
    void stampsTheVersionIntoTheManifestAndKeepsItsOtherAttributes() throws IOException {
        Path jar = jar("app.jar", "dev/confab/App.class");

        StageJars.copy(jar, dir.resolve("out.jar"), name -> true, "0.1.0-dev.7+abc");

        try (JarFile out = new JarFile(dir.resolve("out.jar").toFile())) {
            Attributes main = out.getManifest().getMainAttributes();
            assertThat(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION)).isEqualTo("0.1.0-dev.7+abc");
            assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("dev.confab.App");
        }
    }

    @Test
    void stagingTwiceGivesTheSameBytes() throws IOException {
        Path jar = jar("app.jar", "dev/confab/App.class", "natives/darwin/libopus.dylib");

        StageJars.copy(jar, dir.resolve("one.jar"), Platform.named("linux-x86_64")::keeps, "1.0");
        StageJars.copy(jar, dir.resolve("two.jar"), Platform.named("linux-x86_64")::keeps, "1.0");

        assertThat(Files.readAllBytes(dir.resolve("one.jar"))).isEqualTo(Files.readAllBytes(dir.resolve("two.jar")));
    }

    private Path jar(String name, String... entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.confab.App");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "0.1.0-SNAPSHOT");
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String entry : entries) {
                ZipEntry zipEntry = new ZipEntry(entry);
                zipEntry.setTime(1_700_000_000_000L);
                out.putNextEntry(zipEntry);
                out.write(entry.getBytes());
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).filter(n -> !n.equals("META-INF/")).toList();
        }
    }
}
