package dev.confab.media.turn;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link TurnStats}. Thread-safe. */
final class TurnCounters {
    final LongAdder channelDataSent = new LongAdder();
    final LongAdder sendIndicationsSent = new LongAdder();
    final LongAdder channelDataReceived = new LongAdder();
    final LongAdder dataIndicationsReceived = new LongAdder();
    final LongAdder unsentNoPermission = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder allocationRefreshes = new LongAdder();
    final LongAdder permissionRefreshes = new LongAdder();
    final LongAdder channelRefreshes = new LongAdder();
    final LongAdder staleNonces = new LongAdder();

    TurnStats snapshot() {
        return new TurnStats(channelDataSent.sum(), sendIndicationsSent.sum(), channelDataReceived.sum(),
                dataIndicationsReceived.sum(), unsentNoPermission.sum(), dropped.sum(), allocationRefreshes.sum(),
                permissionRefreshes.sum(), channelRefreshes.sum(), staleNonces.sum());
    }
}
