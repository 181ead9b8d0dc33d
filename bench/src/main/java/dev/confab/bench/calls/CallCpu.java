package dev.confab.bench.calls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each client's CPU during an established call between a {@link CallPeerPair}: process CPU time as a share of one
 * core over consecutive spans after the call's first 2 s, and the threads that used most of it. Stateless.
 */
final class CallCpu {
    private static final int BUSIEST = 6;
    private static final long SETTLING_MILLIS = 2000;

    private CallCpu() {
    }

    /**
     * Places a call with the caller's {@code callCommand} (the callee answers as it was told), measures
     * {@code windows} consecutive spans of {@code length} after its first 2 s (the jitter buffer settling, the JIT),
     * the first span first, and hangs up.
     */
    static List<Shares> spans(CallPeerPair pair, String callCommand, Duration length, int windows)
            throws InterruptedException {
        pair.caller().send(callCommand);
        pair.callee().send("last-answered");
        Thread.sleep(SETTLING_MILLIS);
        long[] callerStart = pair.caller().sendForTimes("cpu");
        long[] calleeStart = pair.callee().sendForTimes("cpu");
        List<Shares> shares = new ArrayList<>();
        for (int window = 0; window < windows; window++) {
            Thread.sleep(length.toMillis());
            long[] callerEnd = pair.caller().sendForTimes("cpu");
            long[] calleeEnd = pair.callee().sendForTimes("cpu");
            shares.add(new Shares(share(callerStart, callerEnd), share(calleeStart, calleeEnd),
                    String.join(" ", pair.caller().send("busiest-threads " + BUSIEST)),
                    String.join(" ", pair.callee().send("busiest-threads " + BUSIEST))));
            callerStart = callerEnd;
            calleeStart = calleeEnd;
        }
        pair.caller().send("hang-up");
        pair.callee().send("await-idle");
        return shares;
    }

    private static double share(long[] start, long[] end) {
        return 100.0 * (end[0] - start[0]) / (end[1] - start[1]);
    }

    /**
     * The caller's and the callee's CPU time as a percentage of the wall time, that is of one core, and the threads
     * that used most of it in each ({@code name=milliseconds}, space-separated).
     */
    record Shares(double callerPercent, double calleePercent, String callerThreads, String calleeThreads) {
        /** How a line carrying shares from another JVM starts. */
        static final String PREFIX = "cpu-shares\t";

        String line() {
            return PREFIX + String.format(Locale.ROOT, "%.4f\t%.4f\t", callerPercent, calleePercent) + callerThreads
                    + "\t" + calleeThreads;
        }

        static Shares parse(String line) {
            String[] fields = line.substring(PREFIX.length()).split("\t", -1);
            return new Shares(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), fields[2], fields[3]);
        }
    }

    /** The spans of a fresh pair of JVMs' first call, and the span of their second call. */
    record Run(List<Shares> firstCall, Shares laterCall) {
        Run {
            firstCall = List.copyOf(firstCall);
        }

        /** All spans in order, the later call's last: what {@link #of} takes back. */
        List<Shares> all() {
            List<Shares> all = new ArrayList<>(firstCall);
            all.add(laterCall);
            return all;
        }

        static Run of(List<Shares> all) {
            if (all.size() < 2) {
                throw new IllegalArgumentException("a run has at least one span of each call, not " + all.size());
            }
            return new Run(all.subList(0, all.size() - 1), all.getLast());
        }
    }
}
