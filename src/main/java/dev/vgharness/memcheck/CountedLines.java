package dev.vgharness.memcheck;

/**
 * Recognises the lines that carry counts by their words alone, so that one whose numbers failed to parse is
 * reported instead of skipped: {@code    definitely lost: 1.320 bytes in 5 blocks} is a LEAK SUMMARY line even
 * though {@code 1.320} is not a number valgrind prints.
 */
final class CountedLines {

    private static final String LEAK_SUMMARY = "a LEAK SUMMARY line";
    private static final String HEAP_SUMMARY = "a HEAP SUMMARY line";
    private static final String ERROR_COUNT = "an error count";
    private static final String LOSS_RECORD_HEADER = "a loss record header";
    private static final String[] SUMMARY_LABELS = {"definitely lost", "indirectly lost", "possibly lost",
        "still reachable", "suppressed"};

    private CountedLines() {
    }

    /**
     * What the line is when it looks like a counted line but does not parse as one, else null (also for a counted
     * line that parses: it may just stand outside its block).
     */
    static String unparsed(String body) {
        String what = describe(body);
        return what == null || parses(what, body) ? null : what;
    }

    private static boolean parses(String what, String body) {
        return switch (what) {
            case LEAK_SUMMARY -> LeakLines.summaryLine(body) != null;
            case HEAP_SUMMARY -> SummaryLines.heapLine(body, new long[5]);
            case ERROR_COUNT -> body.strip().startsWith("n_errs_found ")
                    ? SummaryLines.errorCounts(body.strip()) != null : SummaryLines.errorSummary(body.strip()) != null;
            default -> LeakLines.header(body) != null;
        };
    }

    private static String describe(String body) {
        String trimmed = body.strip();
        for (String label : SUMMARY_LABELS) {
            if (trimmed.startsWith(label + ":")) {
                return LEAK_SUMMARY;
            }
        }
        if (trimmed.startsWith("in use at exit:") || trimmed.startsWith("total heap usage:")) {
            return HEAP_SUMMARY;
        }
        if (trimmed.startsWith("ERROR SUMMARY:") || trimmed.startsWith("n_errs_found ")) {
            return ERROR_COUNT;
        }
        if (!trimmed.isEmpty() && LinePrefix.isDigit(trimmed.charAt(0)) && trimmed.contains(" blocks are ")
                && trimmed.contains("loss record ")) {
            return LOSS_RECORD_HEADER;
        }
        return null;
    }

    static MemcheckTextException unreadable(long line, String what, String body) {
        return new MemcheckTextException(line, what + " whose numbers cannot be read: '" + body.strip() + "'");
    }
}
