package dev.confab.installer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.net.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** installer/version.sh on a repository of its own: the version follows the commit, its tag and the work tree. */
class VersionScriptTest {
    private static final Path SCRIPT = Path.of("version.sh").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Map<String, String> GIT_IDENTITY = Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@t",
            "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@t",
            "GIT_AUTHOR_DATE", "2026-11-27T00:00:00Z", "GIT_COMMITTER_DATE", "2026-11-27T00:00:00Z");

    @TempDir
    Path repo;

    @BeforeEach
    void aProjectAtVersion() throws IOException {
        Files.writeString(repo.resolve("pom.xml"), "<project>\n  <version>2.3.0-SNAPSHOT</version>\n</project>\n");
    }

    @Test
    void withoutHistoryTheBuildIsNumberZeroOfAnUnknownCommit() {
        assertThat(version()).isEqualTo("2.3.0-dev+unknown-commit 2.3.0~dev+unknown-commit 2.3.0");
    }

    @Test
    void aDevelopmentBuildCountsCommitsAndNamesItsCommit() {
        commit("one");
        commit("two");
        String hash = git("rev-parse", "--short=10", "HEAD").strip();

        assertThat(version()).isEqualTo("2.3.0-dev.2+" + hash + " 2.3.0~dev.2+" + hash + " 2.3.2");
        assertThat(version()).as("the same commit, the same version").isEqualTo(version());
    }

    @Test
    void uncommittedChangesAreMarkedDirty() throws IOException {
        commit("one");
        Files.writeString(repo.resolve("pom.xml"), "<project>\n  <version>2.3.0-SNAPSHOT</version>\n</project>\n<!-- -->\n");

        assertThat(version()).contains("+").startsWith("2.3.0-dev.1+").contains(".dirty ");
    }

    @Test
    void aCommitTaggedWithTheVersionIsTheRelease() {
        commit("one");
        git("tag", "v2.3.0");

        assertThat(version()).isEqualTo("2.3.0 2.3.0 2.3.1");
    }

    private void commit(String message) {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", message);
    }

    private String git(String... args) {
        if (!Files.isDirectory(repo.resolve(".git"))) {
            Shell.run(List.of("git", "-C", repo.toString(), "init", "-q"), GIT_IDENTITY, TIMEOUT).orThrow();
        }
        List<String> argv = new ArrayList<>(List.of("git", "-C", repo.toString()));
        argv.addAll(List.of(args));
        return Shell.run(argv, GIT_IDENTITY, TIMEOUT).orThrow().output();
    }

    private String version() {
        return Shell.run(List.of("bash", "-c",
                "source '" + SCRIPT + "' && confab_version '" + repo + "'"
                        + " && echo \"$CONFAB_VERSION $CONFAB_DEB_VERSION $CONFAB_NUMERIC_VERSION\""), TIMEOUT)
                .orThrow().output().strip();
    }
}
