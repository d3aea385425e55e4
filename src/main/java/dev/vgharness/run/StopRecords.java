package dev.vgharness.run;

import dev.vgharness.result.LeftOut;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.result.StopLeakCheck;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The loss records a stop keeps in the report: at most a limit (200 by default), those that changed most since the
 * previous search first, then the largest, in valgrind's order. 2,000 records at each of 50 stops are 100,000
 * records and hundreds of megabytes that nobody reads; the stop's summary, metrics and expectations still count
 * every record, and the report says how many were left out.
 */
final class StopRecords {

    /** Loss records kept per stop when the command line says nothing. */
    static final int DEFAULT_LIMIT = 200;

    /** The search with its records cut to the limit, and what was cut (empty when nothing was). */
    record Kept(StopLeakCheck leakCheck, Optional<LeftOut> leftOut) {
    }

    private StopRecords() {
    }

    static Kept keep(StopLeakCheck search, OptionalInt limit) {
        List<LossRecordResult> records = search.lossRecords();
        if (limit.isEmpty() || records.size() <= limit.getAsInt()) {
            return new Kept(search, Optional.empty());
        }
        int n = limit.getAsInt();
        List<LossRecordResult> kept = records.stream()
                .sorted(Comparator.comparingLong(StopRecords::change).reversed()
                        .thenComparing(Comparator.comparingLong((LossRecordResult r) -> r.record().bytes()).reversed()))
                .limit(n).sorted(Comparator.comparingInt(r -> r.record().number())).toList();
        return new Kept(new StopLeakCheck(search.command(), search.summary(), kept, search.output()),
                Optional.of(new LeftOut("leak_check", null, n, n, records.size() - n)));
    }

    /** How much a record changed since the previous search: its bytes when it has no delta (new, or the first). */
    private static long change(LossRecordResult r) {
        Long delta = r.record().bytesDelta();
        return Math.abs(delta == null ? r.record().bytes() : delta);
    }
}
