package dev.vgharness.memcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random records printed the way valgrind prints them parse back to themselves. */
class RoundTripTest {

    private static final String[] FUNCTIONS = {
        "main", "???", "(below main)", "operator new(unsigned long)", "operator()", "operator delete[](void*)",
        "std::vector<int, std::allocator<int> >::_M_realloc_insert<int const&>(__gnu_cxx::__normal_iterator<int*, "
                + "std::vector<int, std::allocator<int> > >, int const&)",
        "(anonymous namespace)::Parser::parse(char const*, unsigned long) const",
        "std::function<void (int)>::operator()(int) const", "pthread_create@@GLIBC_2.34", "f(void (*)(int))",
        "_Z3foov", "a_b_c", "lambda#1", "Outer<(anonymous namespace)::X>::inner()",
    };
    private static final String[] FILES = {"leaks.c", "dir/sub dir/file.cpp", "basic_string.h", "x.c"};
    private static final String[] OBJECTS = {"/usr/lib/libc.so.6", "???", "/opt/my lib (v2)/libz.so"};
    private static final String[] PREFIXES = {"", "==7394== ", "==00:00:01:02.345 12== ", ">==1== ", "**9** "};
    private static final String[] HEURISTICS = {"stdstring", "length64", "newarray", "multipleinheritance"};

    private final Random random = new Random(20261125L);

    @Test
    void lossRecordsAndSummariesRoundTrip() {
        for (int round = 0; round < 300; round++) {
            boolean deltas = random.nextBoolean();
            String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
            List<LossRecord> records = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                LossRecord record = randomRecord(deltas);
                records.add(record);
                text.append(prefix).append(ValgrindTextPrinter.header(record)).append('\n');
                for (int f = 0; f < record.stack().size(); f++) {
                    text.append(prefix).append(ValgrindTextPrinter.frame(record.stack().get(f), f == 0)).append('\n');
                }
                text.append(prefix.stripTrailing()).append(prefix.isEmpty() ? "" : " ").append('\n');
            }
            LeakSummary summary = randomSummary(deltas);
            text.append(prefix).append("LEAK SUMMARY:\n");
            appendSummary(text, prefix, summary);

            LeakCheckAnswer parsed = LeakCheckParser.parse(text.toString());

            assertEquals(new LeakCheckAnswer(records, summary, false, null, List.of(), List.of()), parsed,
                    "round " + round + ":\n" + text);
        }
    }

    @Test
    void blockListsRoundTrip() {
        for (int round = 0; round < 200; round++) {
            LossRecord header = randomRecord(random.nextBoolean());
            StringBuilder text = new StringBuilder("==1== " + ValgrindTextPrinter.header(header) + "\n");
            for (int f = 0; f < header.stack().size(); f++) {
                text.append("==1== ").append(ValgrindTextPrinter.frame(header.stack().get(f), f == 0)).append('\n');
            }
            List<Block> blocks = new ArrayList<>();
            for (int b = 0, n = 1 + random.nextInt(3); b < n; b++) {
                Block block = randomBlock();
                blocks.add(block);
                String tail = block.heuristic() == null ? "" : " (found via heuristic " + block.heuristic() + ")";
                text.append("==1== ").append(ValgrindTextPrinter.blockLine(0, block.address(), block.size(), tail))
                        .append('\n');
                for (IndirectBlock child : block.indirect()) {
                    text.append("==1== ").append(ValgrindTextPrinter.blockLine(child.depth(), child.address(),
                            child.size(), " indirect loss record " + child.lossRecord())).append('\n');
                }
            }

            assertEquals(new BlockListResult(List.of(new BlockList(header, blocks)), List.of()),
                    BlockListParser.parse(text.toString()), text.toString());
        }
    }

    private LossRecord randomRecord(boolean deltas) {
        LeakKind kind = LeakKind.values()[random.nextInt(LeakKind.values().length)];
        long direct = randomSize();
        long indirect = kind == LeakKind.DEFINITELY_LOST && random.nextBoolean() ? randomSize() + 1 : 0;
        long blocks = 1 + randomSize() / 16;
        Long bytesDelta = deltas ? randomDelta() : null;
        Long directDelta = indirect > 0 ? (deltas ? randomDelta() : null) : bytesDelta;
        Long indirectDelta = indirect > 0 && deltas ? randomDelta() : null;
        int of = 1 + random.nextInt(2_000_000);
        List<StackFrame> stack = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
            stack.add(randomFrame());
        }
        return new LossRecord(1 + random.nextInt(of), of, kind, direct + indirect, direct, indirect, blocks,
                bytesDelta, directDelta, indirectDelta, deltas ? randomDelta() : null, deltas && random.nextBoolean(),
                stack);
    }

    private StackFrame randomFrame() {
        long address = random.nextLong() & 0xFFFF_FFFF_FFFFL;
        String function = FUNCTIONS[random.nextInt(FUNCTIONS.length)];
        return switch (random.nextInt(3)) {
            case 0 -> new StackFrame(address, function, FILES[random.nextInt(FILES.length)], 1 + random.nextInt(99999),
                    null);
            case 1 -> new StackFrame(address, function, null, null, OBJECTS[random.nextInt(OBJECTS.length)]);
            default -> new StackFrame(address, function.equals("operator()") ? "???" : function, null, null, null);
        };
    }

    private Block randomBlock() {
        List<IndirectBlock> indirect = new ArrayList<>();
        int depth = 0;
        for (int i = 0, n = random.nextInt(5); i < n; i++) {
            depth = 1 + random.nextInt(depth + 1);
            indirect.add(new IndirectBlock(random.nextLong() & 0xFFFF_FFFFFL, randomSize(), 1 + random.nextInt(5000),
                    depth));
        }
        String heuristic = indirect.isEmpty() && random.nextBoolean() ? HEURISTICS[random.nextInt(4)] : null;
        return new Block(random.nextLong() & 0xFFFF_FFFFFL, randomSize(), heuristic, indirect);
    }

    private LeakSummary randomSummary(boolean deltas) {
        List<HeuristicTotals> heuristics = new ArrayList<>();
        for (String h : HEURISTICS) {
            if (random.nextInt(3) == 0) {
                heuristics.add(new HeuristicTotals(h, randomSize(), randomSize(), deltas ? randomDelta() : null,
                        deltas ? randomDelta() : null));
            }
        }
        return new LeakSummary(randomTotals(deltas), randomTotals(deltas), randomTotals(deltas), randomTotals(deltas),
                randomTotals(deltas), heuristics);
    }

    private static void appendSummary(StringBuilder text, String prefix, LeakSummary s) {
        for (LeakKind kind : LeakKind.values()) {
            // the summary labels a kind with the words its loss records use
            text.append(prefix).append(ValgrindTextPrinter.summaryLine(ValgrindTextPrinter.KIND_WORDS.get(kind),
                    s.of(kind))).append('\n');
        }
        if (!s.reachableViaHeuristic().isEmpty()) {
            text.append(prefix).append("                      of which reachable via heuristic:\n");
            for (HeuristicTotals h : s.reachableViaHeuristic()) {
                text.append(prefix).append(ValgrindTextPrinter.heuristicLine(h)).append('\n');
            }
        }
        text.append(prefix).append(ValgrindTextPrinter.summaryLine("suppressed", s.suppressed())).append('\n');
    }

    private LeakTotals randomTotals(boolean deltas) {
        return new LeakTotals(randomSize(), randomSize(), deltas ? randomDelta() : null, deltas ? randomDelta() : null);
    }

    /** Sizes across magnitudes, so that 0, 1 and 2 to 4 separators all occur. */
    private long randomSize() {
        return (long) (Math.pow(10, random.nextDouble() * 13)) - 1;
    }

    private long randomDelta() {
        long size = randomSize();
        return random.nextBoolean() ? size : -size;
    }
}
