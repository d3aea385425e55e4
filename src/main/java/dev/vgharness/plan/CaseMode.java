package dev.vgharness.plan;

import java.util.Locale;

/** How a case runs its target ({@code mode: native}): under Memcheck with vgdb (the default), or under plain gdb. */
public enum CaseMode {
    MEMCHECK, NATIVE;

    /** The name in the plan: {@code memcheck}, {@code native}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
