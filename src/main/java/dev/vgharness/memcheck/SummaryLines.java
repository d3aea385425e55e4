package dev.vgharness.memcheck;

/**
 * Parses the count lines of logs and of {@code v.info}: {@code n_errs_found 1 n_errs_shown 1 (vgdb-error 0) msg},
 * {@code ERROR SUMMARY: 3 errors from 2 contexts (suppressed: 0 from 0)}, {@code 2 errors in context 1 of 3:},
 * and the HEAP SUMMARY lines {@code in use at exit: 148 bytes in 4 blocks} and
 * {@code total heap usage: 5 allocs, 1 frees, 1,172 bytes allocated}.
 */
final class SummaryLines {

    private SummaryLines() {
    }

    static ErrorCounts errorCounts(String body) {
        TextScanner s = new TextScanner(body, "n_errs_found ".length());
        long found = s.number();
        if (found == TextScanner.NONE || !s.skip(" n_errs_shown ")) {
            return null;
        }
        long shown = s.number();
        if (shown == TextScanner.NONE || !s.skip(" (vgdb-error ")) {
            return null;
        }
        long vgdbError = s.number();
        if (vgdbError == TextScanner.NONE || !s.skip(")")) {
            return null;
        }
        s.skip(" ");
        return new ErrorCounts(found, shown, vgdbError, s.rest());
    }

    static ErrorSummary errorSummary(String body) {
        TextScanner s = new TextScanner(body, "ERROR SUMMARY: ".length());
        long errors = s.number();
        if (errors == TextScanner.NONE || !s.skip(" errors from ")) {
            return null;
        }
        long contexts = s.number();
        if (contexts == TextScanner.NONE || !s.skip(" contexts (suppressed: ")) {
            return null;
        }
        long suppressed = s.number();
        if (suppressed == TextScanner.NONE || !s.skip(" from ")) {
            return null;
        }
        long suppressedContexts = s.number();
        return suppressedContexts == TextScanner.NONE ? null
                : new ErrorSummary(errors, contexts, suppressed, suppressedContexts);
    }

    /** N of {@code N errors in context K of M:}, or 0 when the line is not one. */
    static long errorContextCount(String body) {
        if (body.isEmpty() || !LinePrefix.isDigit(body.charAt(0)) || !body.endsWith(":")) {
            return 0;
        }
        TextScanner s = new TextScanner(body, 0);
        long count = s.number();
        return count != TextScanner.NONE && s.skip(" errors in context ") ? count : 0;
    }

    /**
     * Fills {inUseBytes, inUseBlocks, allocs, frees, bytesAllocated} from one HEAP SUMMARY line; false when the line
     * is not one or a number in it cannot be read.
     */
    static boolean heapLine(String body, long[] heap) {
        TextScanner s = new TextScanner(body, 0);
        s.skipSpaces();
        if (s.skip("in use at exit: ")) {
            heap[0] = s.number();
            heap[1] = s.skip(" bytes in ") ? s.number() : TextScanner.NONE;
            return heap[0] != TextScanner.NONE && heap[1] != TextScanner.NONE && s.skip(" blocks") && s.atEnd();
        }
        if (s.skip("total heap usage: ")) {
            heap[2] = s.number();
            heap[3] = s.skip(" allocs, ") ? s.number() : TextScanner.NONE;
            heap[4] = s.skip(" frees, ") ? s.number() : TextScanner.NONE;
            return heap[2] != TextScanner.NONE && heap[3] != TextScanner.NONE && heap[4] != TextScanner.NONE
                    && s.skip(" bytes allocated") && s.atEnd();
        }
        return false;
    }
}
