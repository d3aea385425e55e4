package dev.vgharness.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vgharness.plan.Comparison.Operator;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComparisonTest {

    @ParameterizedTest(name = "\"{0}\" is {1} {2}, printed \"{3}\"")
    @CsvSource(delimiter = '|', textBlock = """
            <= 24    | LE | 24  | <= 24
            <=24     | LE | 24  | <= 24
            ' >  0 ' | GT | 0   | > 0
            == 0     | EQ | 0   | == 0
            != 3     | NE | 3   | != 3
            < 100    | LT | 100 | < 100
            >= -1    | GE | -1  | >= -1
            7        | EQ | 7   | == 7
            """)
    void parsesAndPrintsComparisons(String text, Operator operator, long value, String printed) {
        Comparison comparison = Comparison.parse(text).orElseThrow();

        assertEquals(new Comparison(operator, value), comparison);
        assertEquals(printed, comparison.toString());
        assertEquals(Optional.of(comparison), Comparison.parse(comparison.toString()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "<==4", "=< 4", "<= x", "4 <=", "<= 4.5", "approximately 4", "<= 99999999999999999999"})
    void rejectsTextThatIsNoComparison(String text) {
        assertEquals(Optional.empty(), Comparison.parse(text));
    }

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @CsvSource({
            "EQ, 5, 5, true", "EQ, 5, 6, false",
            "NE, 5, 6, true", "NE, 5, 5, false",
            "LT, 5, 4, true", "LT, 5, 5, false",
            "LE, 5, 5, true", "LE, 5, 6, false",
            "GT, 5, 6, true", "GT, 5, 5, false",
            "GE, 5, 5, true", "GE, 5, 4, false"})
    void testsAnActualValueAgainstTheExpectedOne(Operator operator, long expected, long actual, boolean passes) {
        assertEquals(passes, new Comparison(operator, expected).test(actual));
    }
}
