package dev.confab.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The lab is gone after a test, even one that threw, and leftovers of a crashed run are removed. */
class TeardownTest {
    private static final Topology SMALL = Topology.builder().nat("home", NatMapping.ENDPOINT_INDEPENDENT)
            .hostBehind("alice", "home").publicHost("server").build();

    @Test
    void aTestThatThrowsLeavesNoNamespaceNorProcessBehind() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ThrowsWithAPerTestLab.class))
                .execute().testEvents();

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(ThrowsWithAPerTestLab.labId).startsWith(LabNamespaces.PREFIX);
        assertThat(ThrowsWithAPerTestLab.namespaces).hasSize(4);
        assertThat(labNamespaces(ThrowsWithAPerTestLab.labId)).isEmpty();
        assertThat(ProcessHandle.of(ThrowsWithAPerTestLab.childPid)).isEmpty();
    }

    @Test
    void aClassWideLabIsGoneAfterTheClassEvenWhenItsTestsThrow() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ThrowsWithAClassWideLab.class))
                .execute().testEvents();

        tests.assertStatistics(stats -> stats.started(2).failed(2));
        assertThat(ThrowsWithAClassWideLab.labIds).as("one lab for the class").hasSize(1);
        assertThat(labNamespaces(ThrowsWithAClassWideLab.labIds.iterator().next())).isEmpty();
    }

    @Test
    void leftoversOfACrashedRunAreRemovedWhenTheNextLabStarts() throws Exception {
        LabTools tools = LabTools.require();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        String leftover = LabNamespaces.PREFIX + gone.pid() + "-1-alice";
        Shell.check(List.of(tools.ip, "netns", "add", leftover));
        Process stillRunning = new ProcessBuilder(tools.inNamespace(leftover, List.of("sleep", "600"))).start();
        String ours = LabNamespaces.PREFIX + ProcessHandle.current().pid() + "-999999-alice";
        Shell.check(List.of(tools.ip, "netns", "add", ours));
        try (NetworkLab lab = NetworkLab.start(SMALL)) {
            assertThat(LabNamespaces.all(tools)).doesNotContain(leftover).contains(ours).containsAll(lab.namespaces());
            assertThat(stillRunning.waitFor(10, TimeUnit.SECONDS)).as("the process left in it was killed").isTrue();
        } finally {
            LabNamespaces.delete(tools, ours);
        }
    }

    @Test
    void aLabThatFailsHalfWayRemovesWhatItHadMade() {
        LabTools tools = LabTools.require();
        String id = LabNamespaces.PREFIX + ProcessHandle.current().pid() + "-0";
        String taken = id + "-server";
        Shell.check(List.of(tools.ip, "netns", "add", taken));
        try {
            assertThatThrownBy(() -> NetworkLab.start(tools, id, SMALL)).hasMessageContaining("netns add " + taken);
            assertThat(labNamespaces(id)).as("wan, home and alice were made, then removed").containsExactly(taken);
        } finally {
            LabNamespaces.delete(tools, taken);
        }
    }

    @Test
    void aMultiHomedLabAddsNoDeviceAddressRouteNorRuleToTheRootNamespaceAndLeavesNoNamespace() {
        LabTools tools = LabTools.require();
        List<List<String>> rootState = List.of(List.of(tools.ip, "-o", "-4", "addr", "show"),
                List.of(tools.ip, "-o", "link", "show"), List.of(tools.ip, "-4", "rule", "show"),
                List.of(tools.ip, "-4", "route", "show", "table", "all"));
        List<String> before = rootState.stream().map(TeardownTest::withoutLinkStates).toList();
        String labId;
        try (NetworkLab lab = NetworkLab.start(Topology.twoNattedPeersAndServerWithMultiHomedAlice(
                NatMapping.ENDPOINT_INDEPENDENT))) {
            labId = lab.id();
            assertThat(lab.host("alice").uplinks()).hasSize(2);
            assertThat(rootState.stream().map(TeardownTest::withoutLinkStates).toList()).isEqualTo(before);
        }
        assertThat(labNamespaces(labId)).isEmpty();
    }

    /** What {@code command} prints, without the link states that a root device may change meanwhile. */
    private static String withoutLinkStates(List<String> command) {
        return Shell.check(command).replaceAll("(?m) state \\S+.*$", "");
    }

    private static List<String> labNamespaces(String labId) {
        return LabNamespaces.startingWith(LabTools.require(), labId + "-");
    }

    /** Run only by the tests above (surefire skips nested classes): a test with its own lab that throws. */
    static class ThrowsWithAPerTestLab {
        static String labId;
        static List<String> namespaces;
        static long childPid;

        @RegisterExtension
        final NetworkLabExtension network = NetworkLabExtension.of(SMALL);

        @Test
        void throwsAfterUsingTheLab(NetworkLab lab) {
            labId = lab.id();
            namespaces = lab.namespaces();
            NamespaceProcess sleeper = lab.host("alice").start(List.of("sleep", "600"));
            childPid = sleeper.pid();
            assertThat(labNamespaces(labId)).containsExactlyInAnyOrderElementsOf(namespaces);
            throw new IllegalStateException("the test fails");
        }
    }

    /** Run only by the tests above: two failing tests sharing a class-wide lab. */
    static class ThrowsWithAClassWideLab {
        static final Set<String> labIds = ConcurrentHashMap.newKeySet();

        @RegisterExtension
        static final NetworkLabExtension NETWORK = NetworkLabExtension.of(SMALL);

        @Test
        void first() {
            labIds.add(NETWORK.lab().id());
            throw new AssertionError("first fails");
        }

        @Test
        void second() {
            labIds.add(NETWORK.lab().id());
            throw new AssertionError("second fails");
        }
    }
}
