package dev.vgharness.fuzz;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Times one parse of a pathological input built with {@code n} and with {@code 8n} repetitions: a linear parser
 * takes about 8 times as long, a quadratic one 64 times. Best of several runs after a warm-up, each after a
 * collection, and the best of up to three attempts, so one GC pause or busy neighbour does not decide. The parse swallows its own typed error (a valid answer to such input); anything else propagates.
 * <pre>
 * deep brackets: n=10000 0.4 ms, 8n 3.1 ms, ratio 7.8
 * </pre>
 *
 * @param ratio time(8n) / time(n), the smaller time floored at {@value #FLOOR_MILLIS} ms so GC and scheduling noise on a fast input
 *     cannot fake growth
 */
public record GrowthCheck(String name, int n, double millisAtN, double millisAt8n, double ratio) {

    /** Below this, a parse is too fast to time on a loaded 2-core machine. */
    public static final double FLOOR_MILLIS = 5.0;

    public static GrowthCheck measure(String name, int n, IntFunction<String> input, Consumer<String> parse) {
        String small = input.apply(n);
        String large = input.apply(8 * n);
        GrowthCheck check = null;
        // a busy neighbour can stretch one measurement; a super-linear parser is slow in every attempt
        for (int attempt = 0; attempt < 3 && (check == null || check.ratio() > 16); attempt++) {
            best(large, parse, 1);
            double atN = best(small, parse, 5);
            double at8n = best(large, parse, 5);
            GrowthCheck measured = new GrowthCheck(name, n, atN, at8n, at8n / Math.max(FLOOR_MILLIS, atN));
            check = check == null || measured.ratio() < check.ratio() ? measured : check;
        }
        System.out.println(check);
        return check;
    }

    /** Best of several runs, each after a collection so no run pays for an earlier one's garbage. */
    private static double best(String input, Consumer<String> parse, int runs) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            System.gc();
            long started = System.nanoTime();
            parse.accept(input);
            best = Math.min(best, (System.nanoTime() - started) / 1e6);
        }
        return best;
    }

    @Override
    public String toString() {
        return String.format(Locale.US, "%s: n=%d %.1f ms, 8n %.1f ms, ratio %.1f", name, n, millisAtN, millisAt8n,
                ratio);
    }
}
