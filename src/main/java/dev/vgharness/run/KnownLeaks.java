package dev.vgharness.run;

import static java.util.Objects.requireNonNull;

import dev.vgharness.memcheck.LeakIdentity;
import dev.vgharness.memcheck.LossRecord;
import dev.vgharness.memcheck.SourceText;
import java.util.function.BiPredicate;

/**
 * How a run identifies the loss records of a leak check, and which of them are known: the user's source text,
 * whose lines make the sites of a {@link LeakIdentity}, and the test of the baseline (and of {@code --own-code-only}),
 * which sees each record with its identity. Known records count in no metric.
 */
public record KnownLeaks(SourceText sources, BiPredicate<LossRecord, LeakIdentity> known) {

    /** No sources (sites are ordinals) and nothing known. */
    public static final KnownLeaks NONE = new KnownLeaks(SourceText.NONE, (record, identity) -> false);

    public KnownLeaks {
        requireNonNull(sources, "sources is null");
        requireNonNull(known, "known is null");
    }

    public boolean isKnown(LossRecord record, LeakIdentity identity) {
        return known.test(record, identity);
    }
}
