package dev.confab.media.rtcp;

import java.util.ArrayList;
import java.util.List;

/** Reading and writing the report blocks that sender and receiver reports share. Stateless. */
final class ReportBlocks {
    /** The most blocks a 5-bit report count can announce. */
    static final int MAX = 31;

    private ReportBlocks() {}

    static List<ReportBlock> checked(List<ReportBlock> reports) {
        if (reports.size() > MAX) {
            throw new IllegalArgumentException("at most 31 report blocks, not " + reports.size());
        }
        return List.copyOf(reports);
    }

    /** The {@code count} blocks from {@code at}, which the caller checked fit. */
    static List<ReportBlock> read(byte[] buf, int at, int count) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.read(buf, at + i * ReportBlock.SIZE));
        }
        return blocks;
    }

    static void write(List<ReportBlock> blocks, byte[] buf, int at) {
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i).write(buf, at + i * ReportBlock.SIZE);
        }
    }
}
