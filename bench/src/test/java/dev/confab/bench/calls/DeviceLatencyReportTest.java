package dev.confab.bench.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceLatencyReportTest {
    private static final DevicePhase HEARD = new DevicePhase(DeviceRoute.CALL, 60, 60, 60, 35, 1, 2, 3, 4, 5, 6, 1.5,
            List.of(40.0, 42.0, 44.0), List.of(160.0, 172.0, 168.0));
    private static final DevicePhase SILENT = new DevicePhase(DeviceRoute.LINES, 20, 20, 40, 35, 30, 0, 0, 0, 1, 0,
            4.25, List.of(), List.of());

    @Test
    void eachRowHasACellUnderEveryHeading() {
        List<String> table = DeviceLatencyReport.table(new DeviceLatencyJvm.Result(List.of(HEARD, SILENT),
                List.of("CALL 20 ms: no line")));
        int headings = cells(table.getFirst()).size();
        assertThat(table.subList(1, table.size())).allSatisfy(row -> assertThat(cells(row)).hasSize(headings));
    }

    @Test
    void aRowGivesTheMedianSpreadAndCountsInTheirColumns() {
        List<String> row = cells(DeviceLatencyReport.table(new DeviceLatencyJvm.Result(List.of(HEARD), List.of()))
                .getLast());
        assertThat(row.subList(1, row.size())).containsExactly("60", "42.0", "168.0", "124.0", "120.0", "130.0",
                "3", "1", "5 / 6", "2 / 3 / 4", "1.5");
    }

    @Test
    void aPhaseWithNoBurstHeardShowsDashesAndTheLinesItWasGranted() {
        List<String> row = cells(DeviceLatencyReport.table(new DeviceLatencyJvm.Result(List.of(SILENT), List.of()))
                .getLast());
        assertThat(row.subList(1, 9)).containsExactly("20 (granted 20 / 40)", "-", "-", "-", "-", "-", "0", "30");
    }

    @Test
    void theSummaryComparesTheDefaultCallWithThePipeline() {
        assertThat(DeviceLatencyReport.summary(new DeviceLatencyJvm.Result(List.of(HEARD), List.of()), 80.0))
                .hasValueSatisfying(summary -> assertThat(summary).contains("124.0 ms", "80.0 ms", "add 44.0 ms"));
        assertThat(DeviceLatencyReport.summary(new DeviceLatencyJvm.Result(List.of(SILENT), List.of()), 80.0))
                .isEmpty();
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
