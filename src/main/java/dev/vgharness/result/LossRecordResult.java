package dev.vgharness.result;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LeakSites;
import dev.vgharness.memcheck.LossRecord;
import java.util.List;

/**
 * A loss record as reported: Memcheck's record with the harness's deltas (since the previous leak search of the
 * case, whatever it showed; matched by kind and stack addresses), whether it matches the baseline (then it counts
 * in no metric), and the sites of its frames below the allocator, which with the record make its
 * {@link LeakIdentity}. A record that vanished since the previous search is {@link #gone()}.
 *
 * @param sites one per frame below the allocator ({@link LeakSites}), worked out when the leak check was read
 * @param lostAt where the record's block was lost, when {@code find_lost} followed it to that moment, else null
 * @param lostAtUnknown why {@code find_lost} could not tell where the record's block was lost, else null
 */
public record LossRecordResult(LossRecord record, boolean baseline, List<String> sites, LostAt lostAt,
        String lostAtUnknown) {

    /** A record nobody followed ({@code find_lost} off, or not chosen). */
    public LossRecordResult(LossRecord record, boolean baseline, List<String> sites) {
        this(record, baseline, sites, null, null);
    }

    public LossRecordResult {
        requireNonNull(record, "record is null");
        sites = List.copyOf(sites);
        for (String site : sites) {
            if (!LeakSites.SITE.matcher(site).matches()) {
                throw new IllegalArgumentException("not a site: '" + site + "' (3f9a01c2:1, #2 or -)");
            }
        }
        LeakIdentity.of(record, sites);
    }

    /** The same record with what {@code find_lost} found: where it was lost, or why that is not known. */
    public LossRecordResult withLostAt(LostAt at, String unknown) {
        return new LossRecordResult(record, baseline, sites, at, unknown);
    }

    /** The identity of this leak across runs. */
    public LeakIdentity identity() {
        return LeakIdentity.of(record, sites);
    }

    /** True when the record holds no blocks any more (freed since the previous search): its deltas are negative. */
    public boolean gone() {
        return record.blocks() == 0;
    }
}
