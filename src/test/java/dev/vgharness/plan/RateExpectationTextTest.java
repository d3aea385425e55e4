package dev.vgharness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateExpectationTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            heap_in_use_bytes_per_s<1000    | HEAP_IN_USE_BYTES_PER_S   | < 1000
            rss_kb_per_s=<=4                | RSS_KB_PER_S              | <= 4
            rss_kb_per_s=0                  | RSS_KB_PER_S              | == 0
            swap_kb_per_s==0                | SWAP_KB_PER_S             | == 0
            shared_kb_per_s >= -5           | SHARED_KB_PER_S           | >= -5
            mmap_rss_kb_per_s!=3            | MMAP_RSS_KB_PER_S         | != 3
            """)
    void readsAMemoryRateAndAComparisonInThePlansSyntax(String text, Metric metric, String comparison) {
        MetricExpectation e = RateExpectationText.parse(text);

        assertEquals(metric, e.metric());
        assertEquals(comparison, e.expected());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            definitely_lost_bytes_per_s<1 | 'definitely_lost_bytes_per_s' is not a memory rate; one of heap_in_use_bytes_per_s, mmap_in_use_bytes_per_s, heap_free_bytes_per_s, rss_kb_per_s, shared_kb_per_s, rss_minus_shared_kb_per_s, heap_rss_kb_per_s, mmap_rss_kb_per_s, swap_kb_per_s
            rss_kb_per_s                  | bad comparison '' for rss_kb_per_s (write OP N with OP one of ==, !=, <, <=, >, >=, or a number)
            <1000                         | '<1000' is not METRIC COMPARISON, e.g. heap_in_use_bytes_per_s<1000
            """)
    void rejectsWhatIsNotOneWithOneLine(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> RateExpectationText.parse(text))
                .getMessage());
    }
}
