package dev.vgharness.memcheck.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a large, realistic leak_check answer for benchmarks: N loss records with deep stacks (C and C++ frames,
 * thousands separators, deltas), a LEAK SUMMARY, then a block_list of every record with indirect trees.
 * {@code main(FILE [RECORDS [DEPTH]])} writes it to a file.
 */
public final class LeakTextGenerator {

    private static final String[] FUNCTIONS = {
        "handle_request (server.c:%d)",
        "std::vector<int, std::allocator<int> >::_M_realloc_insert<int const&>(__gnu_cxx::__normal_iterator<int*, "
                + "std::vector<int, std::allocator<int> > >, int const&) (stl_vector.h:%d)",
        "??? (in /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30)",
        "parse_config (config.c:%d)",
        "(anonymous namespace)::Worker::run(unsigned long) const (worker.cpp:%d)",
    };

    private LeakTextGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int depth = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, records, depth);
        }
    }

    /** Writes the answer; about {@code records * (2 * depth + 6)} lines. */
    public static void write(Writer out, int records, int depth) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out, 1 << 16);
        Random random = new Random(42);
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 1; r <= records; r++) {
                long bytes = 1000L * r + random.nextInt(1000);
                w.write(header(r, records, bytes, pass));
                stack(w, random, depth);
                if (pass == 0) {
                    w.write("==31337== \n");
                } else {
                    w.write(String.format(Locale.US, "==31337== 0x%X[%d]%n", 0x4A40000L + 64L * r, bytes));
                    w.write(String.format(Locale.US, "==31337==   0x%X[16] indirect loss record %d%n",
                            0x5A40000L + 64L * r, r));
                }
            }
            if (pass == 0) {
                summary(w);
            }
        }
        w.flush();
    }

    private static String header(int r, int records, long bytes, int pass) {
        String of = String.format(Locale.US, "%,d", records);
        if (r % 3 == 0) {
            return String.format(Locale.US, "==31337== %,d (+%,d) (%,d (+16) direct, %,d (-8) indirect) bytes in %,d (+1)"
                    + " blocks are definitely lost in loss record %,d of %s%n", bytes + 16, bytes, bytes, 16, r, r, of);
        }
        return String.format(Locale.US, "==31337== %,d (+%,d) bytes in %,d (+0) blocks are %s in loss record %,d of %s%n",
                bytes, bytes, 1 + r % 7, pass == 0 && r % 2 == 0 ? "possibly lost" : "still reachable", r, of);
    }

    private static void stack(Writer w, Random random, int depth) throws IOException {
        w.write("==31337==    at 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)\n");
        for (int i = 1; i < depth; i++) {
            String function = String.format(Locale.US, FUNCTIONS[random.nextInt(FUNCTIONS.length)],
                    1 + random.nextInt(5000));
            w.write(String.format(Locale.US, "==31337==    by 0x%X: %s%n", 0x109000 + random.nextInt(1 << 20), function));
        }
    }

    private static void summary(Writer w) throws IOException {
        w.write("==31337== LEAK SUMMARY:\n");
        w.write("==31337==    definitely lost: 1,234,567 (+1,000) bytes in 333 (+1) blocks\n");
        w.write("==31337==    indirectly lost: 5,328 (-8) bytes in 333 (+0) blocks\n");
        w.write("==31337==      possibly lost: 2,000,000 (+0) bytes in 500 (+0) blocks\n");
        w.write("==31337==    still reachable: 9,999 (-100) bytes in 12 (-1) blocks\n");
        w.write("==31337==         suppressed: 0 (+0) bytes in 0 (+0) blocks\n");
        w.write("==31337== \n");
    }
}
