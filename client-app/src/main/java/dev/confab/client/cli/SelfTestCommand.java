package dev.confab.client.cli;

import dev.confab.client.selftest.CheckResult;
import dev.confab.client.selftest.SelfTest;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/**
 * {@code confab self-test} (also {@code confab --self-test}): checks without a network that the crypto, codec, sound
 * and camera layers work on this machine, one line per check. Needs no profile and no server. Not thread-safe: one
 * run on the calling thread.
 */
@Command(name = "self-test", description = {"Check, without a network, that crypto, the codecs, sound and cameras"
        + " work on this machine; one line per check.", "Missing sound devices or cameras are warnings; exit code 1"
        + " when a layer fails. Same as 'confab --self-test'."})
final class SelfTestCommand extends CommandBase {
    @Override
    public Integer call() {
        return root.runSelfTest();
    }

    /** Prints the version, then each check's line as it finishes, then an error per failed check. */
    static int run(SelfTest selfTest, Printer out) {
        out.result(ConfabCli.Version.line() + ", " + ConfabCli.Version.runtime(), Printer.obj(
                "version", ConfabCli.Version.number(), "protocol", dev.confab.protocol.ProtocolVersion.CURRENT,
                "java", ConfabCli.Version.java(), "os", ConfabCli.Version.os()));
        List<CheckResult> results = selfTest.run(result -> out.result(
                String.format("%-4s %-7s %s", status(result), result.check(), result.finding().detail()),
                Printer.obj("check", result.check(), "status", status(result), "detail", result.finding().detail())));
        List<CheckResult> failed = results.stream().filter(CheckResult::failed).toList();
        failed.forEach(result -> out.error("the " + result.check() + " check failed: " + result.finding().detail(),
                "self_test_failed", ExitCodes.FAILURE));
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String status(CheckResult result) {
        return result.finding().status().name().toLowerCase(Locale.ROOT);
    }
}
