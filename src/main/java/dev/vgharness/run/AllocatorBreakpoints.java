package dev.vgharness.run;

import dev.vgharness.plan.BreakpointSpec;
import java.util.Optional;
import java.util.Set;

/**
 * Breakpoints on the allocator under Memcheck. Valgrind redirects every call of malloc, free, operator new, ... to
 * its own replacements in vgpreload_memcheck, so a breakpoint on {@code malloc} resolves to the copies in ld.so and
 * libc (46 locations in ld.so for one program) and never stops in the program's own allocations.
 */
final class AllocatorBreakpoints {

    private static final Set<String> REPLACED = Set.of("malloc", "calloc", "realloc", "reallocarray", "free",
            "memalign", "posix_memalign", "aligned_alloc", "valloc", "pvalloc", "malloc_usable_size",
            "__libc_malloc", "__libc_calloc", "__libc_realloc", "__libc_free", "__libc_memalign",
            "operator new", "operator new[]", "operator delete", "operator delete[]",
            "_Znwm", "_Znam", "_ZdlPv", "_ZdaPv", "_ZdlPvm", "_ZdaPvm", "_ZnwmRKSt9nothrow_t", "_ZnamRKSt9nothrow_t");

    private AllocatorBreakpoints() {
    }

    /** What to tell the user when the breakpoint is on a function Memcheck replaces, else empty. */
    static Optional<String> warning(BreakpointSpec bp) {
        String function = function(bp.at());
        if (!REPLACED.contains(function)) {
            return Optional.empty();
        }
        return Optional.of("breakpoint '" + bp.id() + "' at '" + bp.at() + "': Memcheck replaces " + function
                + " with its own, so this breakpoint stops only in ld.so's and libc's internal calls, never in the"
                + " program's own allocations; break in the program's function that calls " + function
                + " instead (the frame under it in a loss record's stack)");
    }

    /** {@code malloc} of {@code malloc}, {@code libc.so.6:malloc}, {@code operator new(unsigned long)}. */
    static String function(String location) {
        String at = location.strip();
        int paren = at.indexOf('(');
        if (paren > 0) {
            at = at.substring(0, paren).strip();
        }
        if (at.contains("::")) {
            return at; // a C++ scope: not one of the global allocator functions
        }
        return at.substring(at.lastIndexOf(':') + 1).strip();
    }
}
