package dev.vgharness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricTest {

    @Test
    void namesExactlyTheMetricsOfThePlanSpec() {
        List<String> leaks = List.of("definitely_lost", "indirectly_lost", "possibly_lost", "still_reachable", "suppressed");
        List<String> plain = leaks.stream().flatMap(k -> List.of(k + "_bytes", k + "_blocks").stream()).toList();
        List<String> expected = new java.util.ArrayList<>(plain);
        plain.forEach(m -> expected.add("new_" + m));
        expected.addAll(List.of("errors", "hits", "exit_code"));
        List<String> memory = List.of("heap_in_use_bytes", "mmap_in_use_bytes", "heap_free_bytes", "rss_kb",
                "rss_minus_shared_kb", "heap_rss_kb", "mmap_rss_kb");
        expected.addAll(memory);
        memory.forEach(m -> expected.add("new_" + m));
        expected.addAll(List.of("definitely_lost_bytes_per_s", "rss_kb_per_s", "heap_in_use_bytes_per_s",
                "indirectly_lost_bytes_per_s", "possibly_lost_bytes_per_s", "still_reachable_bytes_per_s",
                "suppressed_bytes_per_s"));
        // The rates of `vgharness watch` (docs/memory-trend.md), an extension of the plan spec.
        expected.addAll(List.of("mmap_in_use_bytes_per_s", "heap_free_bytes_per_s", "shared_kb_per_s",
                "rss_minus_shared_kb_per_s", "heap_rss_kb_per_s", "mmap_rss_kb_per_s", "swap_kb_per_s"));

        assertEquals(expected, Metric.keys());
        assertEquals(List.of("heap_in_use_bytes_per_s", "mmap_in_use_bytes_per_s", "heap_free_bytes_per_s",
                "rss_kb_per_s", "shared_kb_per_s", "rss_minus_shared_kb_per_s", "heap_rss_kb_per_s",
                "mmap_rss_kb_per_s", "swap_kb_per_s"), Metric.memoryRates().stream().map(Metric::key).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "definitely_lost_bytes, definitely_lost, true, false, true, true",
            "new_still_reachable_blocks, still_reachable, false, true, true, true",
            "errors, -, false, false, true, true",
            "hits, -, false, false, false, true",
            "exit_code, -, false, false, true, false",
            "heap_in_use_bytes, -, true, false, false, true",
            "new_rss_kb, -, false, true, false, true",
            "definitely_lost_bytes_per_s, -, false, false, true, false",
            "swap_kb_per_s, -, false, false, true, false"})
    void describesWhatEachMetricMeasuresAndWhereItMayBeUsed(String key, String leakKind, boolean bytes, boolean increase,
            boolean atCase, boolean atBreakpoint) {
        Metric metric = Metric.byKey(key).orElseThrow();

        assertEquals(List.of(Optional.ofNullable(leakKind), bytes, increase, atCase, atBreakpoint),
                List.of(metric.leakKind(), metric.countsBytes(), metric.isIncrease(), metric.allowedAtCase(),
                        metric.allowedAtBreakpoint()));
    }

    @Test
    void signalExpectationsCompareNamesOrTheirAbsence() {
        SignalExpectation segv = new SignalExpectation(Optional.of("SIGSEGV"));
        SignalExpectation none = new SignalExpectation(Optional.empty());

        assertEquals(List.of(true, false, false, true, "SIGSEGV", "null"),
                List.of(segv.test(Optional.of("SIGSEGV")), segv.test(Optional.empty()), none.test(Optional.of("SIGABRT")),
                        none.test(Optional.empty()), segv.expected(), none.expected()));
    }
}
