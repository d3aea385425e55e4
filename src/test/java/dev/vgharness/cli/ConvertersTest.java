package dev.vgharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

    @Test
    void aDurationIsReadWithItsUnits() {
        assertEquals(Duration.ofSeconds(90), new Converters.PositiveDuration().convert("1m30s"));
        assertEquals(Duration.ofMillis(500), new Converters.PositiveDuration().convert("500ms"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0ms", "90", "abc", "", "-5s"})
    void aZeroOrUnreadableDurationIsRefused(String text) {
        assertThrows(TypeConversionException.class, () -> new Converters.PositiveDuration().convert(text));
    }

    @Test
    void aCountIsAtLeastOne() {
        assertEquals(4, new Converters.PositiveInt().convert("4"));
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> new Converters.PositiveInt().convert("0"));
        assertEquals("'0' is not a whole number of at least 1", e.getMessage());
    }

    @Test
    void stopRecordsTakeACountOrAll() {
        assertEquals(OptionalInt.of(50), new Converters.CountOrAll().convert("50"));
        assertEquals(OptionalInt.empty(), new Converters.CountOrAll().convert("all"));
        assertThrows(TypeConversionException.class, () -> new Converters.CountOrAll().convert("-1"));
    }

    @Test
    void anExitStatusIsZeroTo255() {
        assertEquals(255, new Converters.ExitStatus().convert("255"));
        assertThrows(TypeConversionException.class, () -> new Converters.ExitStatus().convert("256"));
        assertThrows(TypeConversionException.class, () -> new Converters.ExitStatus().convert("-1"));
    }

    @Test
    void aMultiplierIsAboveZero() {
        assertEquals(1.5, new Converters.Multiplier().convert("1.5"));
        assertThrows(TypeConversionException.class, () -> new Converters.Multiplier().convert("0"));
        assertThrows(TypeConversionException.class, () -> new Converters.Multiplier().convert("NaN"));
    }

    @Test
    void aPidIsPositive() {
        assertEquals(42L, new Converters.Pid().convert("42"));
        assertThrows(TypeConversionException.class, () -> new Converters.Pid().convert("0"));
    }

    @Test
    void timeoutsAreScaledByTheMultiplier() {
        HarnessOptions options = new HarnessOptions();
        options.timeoutMultiplier = 2.5;
        assertEquals(Duration.ofSeconds(25), options.scaled(Duration.ofSeconds(10)));
    }

    @Test
    void aMistypedOptionOrCommandIsMatchedToTheClosestName() {
        picocli.CommandLine root = VgharnessCommand.commandLine();
        picocli.CommandLine.Model.CommandSpec run = root.getSubcommands().get("run").getCommandSpec();

        assertEquals(java.util.Optional.of("--jobs"), Suggestions.of("--jbos", run));
        assertEquals(java.util.Optional.of("--timeout"), Suggestions.of("--timout=5s", run));
        assertEquals(java.util.Optional.of("check"), Suggestions.of("chekc", root.getCommandSpec()));
        assertEquals(java.util.Optional.empty(), Suggestions.of("--zzzzzz", run));
    }
}
