package dev.vgharness.memcheck;

/**
 * Receives what {@link MemcheckTextParser} finds, in text order, as soon as each piece is complete, so that a
 * caller can count or forward items without holding a whole answer. Every method does nothing by default.
 */
public interface MemcheckListener {

    default void lossRecord(LossRecord record) {
    }

    default void blockList(BlockList blockList) {
    }

    default void leakSummary(LeakSummary summary) {
    }

    default void leakHint(String hint) {
    }

    /** {@code All heap blocks were freed -- no leaks are possible}. */
    default void noLeaksPossible() {
    }

    /** {@code xtree leak report: FILE}. */
    default void xtreeReport(String file) {
    }

    default void pointerSearch(PointerSearch search) {
    }

    default void errorCounts(ErrorCounts counts) {
    }

    default void memcheckError(MemcheckError error) {
    }

    default void monitorError(MonitorError error) {
    }

    default void heapSummary(HeapSummary summary) {
    }

    default void errorSummary(ErrorSummary summary) {
    }
}
