package dev.vgharness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest(name = "{0} is {1}, printed {2}")
    @CsvSource({
            "90s, PT1M30S, 1m30s",
            "5m, PT5M, 5m",
            "1m30s, PT1M30S, 1m30s",
            "500ms, PT0.5S, 500ms",
            "2h, PT2H, 2h",
            "1h30m, PT1H30M, 1h30m",
            "1s500ms, PT1.5S, 1s500ms",
            "120s, PT2M, 2m",
            "36h, PT36H, 36h",
            "0s, PT0S, 0s"})
    void parsesAndPrintsDurations(String text, Duration expected, String printed) {
        assertEquals(Optional.of(expected), DurationText.parse(text));
        assertEquals(printed, DurationText.format(expected));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "90", "90x", "s", "1.5s", "30s1m", "1m1m", "-5s", "5 s", "1d", "5M",
            "99999999999999999999h"})
    void rejectsTextThatIsNoDuration(String text) {
        assertEquals(Optional.empty(), DurationText.parse(text));
    }
}
