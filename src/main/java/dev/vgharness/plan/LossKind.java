package dev.vgharness.plan;

import dev.vgharness.memcheck.LeakKind;
import java.util.Locale;

/** A kind of loss record as plans select them: {@code kinds: [definite, possible]}. */
public enum LossKind {
    DEFINITE(LeakKind.DEFINITELY_LOST), INDIRECT(LeakKind.INDIRECTLY_LOST), POSSIBLE(LeakKind.POSSIBLY_LOST),
    REACHABLE(LeakKind.STILL_REACHABLE);

    private final LeakKind leakKind;

    LossKind(LeakKind leakKind) {
        this.leakKind = leakKind;
    }

    /** The kind of loss record this word selects: the one place plan words meet Memcheck's kinds. */
    public LeakKind leakKind() {
        return leakKind;
    }

    /** The word in plans and in Memcheck's {@code kinds} option: {@code definite}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
