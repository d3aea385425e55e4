package dev.vgharness.vgdb;

import java.util.Objects;

/**
 * One finding of {@link Doctor}: {@code ok gdb GNU gdb (Debian 13.1-3) 13.1 (/usr/bin/gdb)}, or a problem with
 * what to do about it ({@code install gdb (apt-get install gdb) or pass --gdb PATH}).
 *
 * @param name   what was checked: valgrind, vgdb, gdb, valgrind-runs, ptrace, tmpdir
 * @param ok     whether the harness can work as far as this check goes
 * @param detail what was found
 * @param hint   what to do when it is a problem (empty when ok)
 */
public record DoctorCheck(String name, boolean ok, String detail, String hint) {

    public DoctorCheck {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(detail, "detail is null");
        Objects.requireNonNull(hint, "hint is null");
    }

    static DoctorCheck ok(String name, String detail) {
        return new DoctorCheck(name, true, detail, "");
    }

    static DoctorCheck problem(String name, String detail, String hint) {
        return new DoctorCheck(name, false, detail, hint);
    }

    /** One line for people: {@code ok       gdb: ...} or {@code PROBLEM  gdb: ... -> hint}. */
    public String line() {
        return ok ? String.format(java.util.Locale.ROOT, "ok       %-13s %s", name, detail)
                : String.format(java.util.Locale.ROOT, "PROBLEM  %-13s %s -> %s", name, detail, hint);
    }
}
