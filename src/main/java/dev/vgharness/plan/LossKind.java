package dev.vgharness.plan;

import java.util.Locale;

/** A kind of loss record as plans select them: {@code kinds: [definite, possible]}. */
public enum LossKind {
    DEFINITE, INDIRECT, POSSIBLE, REACHABLE;

    /** The word in plans and in Memcheck's {@code kinds} option: {@code definite}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
