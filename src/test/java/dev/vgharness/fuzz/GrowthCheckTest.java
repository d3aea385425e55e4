package dev.vgharness.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The growth check can fail: a quadratic parse is caught even when it is far too fast to time once. */
class GrowthCheckTest {

    @Test
    void aQuadraticParseFailsTheCheckHoweverFastItIs() {
        // about 0.02 ms at n: one parse is below any clock's useful resolution, let alone a floor of milliseconds
        GrowthCheck check = GrowthCheck.measure("pairs of characters", 100, "ab"::repeat, GrowthCheckTest::pairs);

        assertFalse(check.isLinear(), check::toString);
    }

    /** Compares every character with every other: quadratic in the length. */
    private static void pairs(String text) {
        long equal = 0;
        for (int i = 0; i < text.length(); i++) {
            for (int j = 0; j < text.length(); j++) {
                equal += text.charAt(i) == text.charAt(j) ? 1 : 0;
            }
        }
        if (equal < text.length()) {
            throw new AssertionError("every character equals itself");
        }
    }
}
