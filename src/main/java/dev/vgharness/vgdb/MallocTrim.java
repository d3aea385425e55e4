package dev.vgharness.vgdb;

import dev.vgharness.mi.CStrings;
import java.time.Duration;

/**
 * glibc's {@code malloc_trim(pad)} called in the stopped target through gdb: gives free memory of the heap back to
 * the system, at its top (like {@code M_TRIM_THRESHOLD} does) and, since glibc 2.8, every whole free page inside it
 * ({@code madvise(MADV_DONTNEED)}). It changes the process, so it is only called when the user asks. The function is
 * cast to its type, so that the call works without libc's debug information:
 * <pre>
 * -> -data-evaluate-expression "((int (*) (unsigned long)) malloc_trim) (0)"
 * <- ^done,value="1"          (1: memory was released, 0: none could be)
 * </pre>
 */
public final class MallocTrim {

    private MallocTrim() {
    }

    /** Calls {@code malloc_trim(pad)}; true when glibc says it released memory. */
    public static boolean call(MiSession gdb, long pad, Duration timeout) throws MiSessionException {
        String value = gdb.send("-data-evaluate-expression "
                + CStrings.quote("((int (*) (unsigned long)) malloc_trim) (" + pad + ")"), timeout).result()
                .string("value");
        return Integer.parseInt(value.strip()) != 0;
    }
}
