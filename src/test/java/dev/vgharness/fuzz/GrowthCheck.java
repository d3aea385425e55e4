package dev.vgharness.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Times the parse of a pathological input built with {@code n} and with {@code 8n} repetitions: per parse, a linear
 * parser takes about 8 times as long at 8n, a quadratic one 64 times. Each input is parsed as many times in a row as
 * fill {@value #SAMPLE_MILLIS} ms of this thread's CPU time (other processes and the GC threads do not count), after
 * a round of each to warm the JIT up, so a parse too fast to time once is timed over many and no timing is rounded or
 * floored into a ratio that hides growth. Samples of the two inputs alternate; each figure is the best of
 * {@value #SAMPLES}, and a failing check is measured again (up to three times), so one cache-cold sample does not
 * decide: a quadratic parser is slow in every attempt.
 * <pre>
 * deep brackets: n=10000 0.412 ms, 8n 3.100 ms per parse, ratio 7.5
 * </pre>
 *
 * @param millisAtN time of one parse of the n input
 * @param millisAt8n time of one parse of the 8n input
 * @param ratio millisAt8n / millisAtN
 */
public record GrowthCheck(String name, int n, double millisAtN, double millisAt8n, double ratio) {

    /**
     * Between a linear parser's 8 (up to 10 seen for inputs that outgrow the caches, on a 2-core machine at load 20)
     * and a quadratic one's 64: a parser whose quadratic part is over 29 % of its time at n exceeds it.
     */
    public static final double LINEAR_LIMIT = 24;
    static final double SAMPLE_MILLIS = 10;
    static final int SAMPLES = 5;
    private static final int MAX_REPETITIONS = 1 << 20;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static GrowthCheck measure(String name, int n, IntFunction<String> input, Consumer<String> parse) {
        String small = input.apply(n);
        String large = input.apply(8 * n);
        GrowthCheck check = null;
        for (int attempt = 0; attempt < 3 && (check == null || !check.isLinear()); attempt++) {
            int smallRepetitions = repetitionsToFill(small, parse);
            int largeRepetitions = repetitionsToFill(large, parse);
            // the calibration ran the code on growing counts of inputs: one more round of each lets the JIT settle
            millis(small, parse, smallRepetitions);
            millis(large, parse, largeRepetitions);
            double atN = Double.MAX_VALUE;
            double at8n = Double.MAX_VALUE;
            for (int i = 0; i < SAMPLES; i++) {
                atN = Math.min(atN, millis(small, parse, smallRepetitions) / smallRepetitions);
                at8n = Math.min(at8n, millis(large, parse, largeRepetitions) / largeRepetitions);
            }
            GrowthCheck measured = new GrowthCheck(name, n, atN, at8n, at8n / atN);
            check = check == null || measured.ratio() < check.ratio() ? measured : check;
        }
        System.out.println(check);
        return check;
    }

    /** True when the time grows no faster than a linear parser's can, give or take noise. */
    public boolean isLinear() {
        return ratio < LINEAR_LIMIT;
    }

    /** How many parses in a row of the input take at least {@link #SAMPLE_MILLIS}. */
    private static int repetitionsToFill(String input, Consumer<String> parse) {
        int repetitions = 1;
        while (repetitions < MAX_REPETITIONS && millis(input, parse, repetitions) < SAMPLE_MILLIS) {
            repetitions *= 2;
        }
        return repetitions;
    }

    /** The CPU time of this thread: other processes on a busy machine, and GC threads, do not count. */
    private static double millis(String input, Consumer<String> parse, int repetitions) {
        long started = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < repetitions; i++) {
            parse.accept(input);
        }
        return (CPU.getCurrentThreadCpuTime() - started) / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.US, "%s: n=%d %.3f ms, 8n %.3f ms per parse, ratio %.1f", name, n, millisAtN,
                millisAt8n, ratio);
    }
}
