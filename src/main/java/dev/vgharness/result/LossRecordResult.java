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
 */
public record LossRecordResult(LossRecord record, boolean baseline, List<String> sites) {

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

    /** The identity of this leak across runs. */
    public LeakIdentity identity() {
        return LeakIdentity.of(record, sites);
    }

    /** True when the record holds no blocks any more (freed since the previous search): its deltas are negative. */
    public boolean gone() {
        return record.blocks() == 0;
    }
}
