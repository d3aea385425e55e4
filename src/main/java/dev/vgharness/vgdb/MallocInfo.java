package dev.vgharness.vgdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * glibc's {@code struct mallinfo2} of the main process, read by calling {@code mallinfo2()} in the stopped target
 * through gdb. gdb prints it as {@code {arena = 135168, ordblks = 1, ..., keepcost = 131312}} when it knows the type
 * (libc debug info, or a program that uses the struct), else as the raw array {@code {135168, 1, ...}}.
 *
 * @param arena bytes of the brk heap (and other arenas) obtained from the system
 * @param ordblks free chunks, not in fastbins
 * @param smblks free fastbin chunks
 * @param hblks blocks allocated with mmap
 * @param hblkhd bytes allocated with mmap
 * @param usmblks always 0
 * @param fsmblks bytes in free fastbin chunks
 * @param uordblks bytes in use from the heap (tcache chunks count as in use)
 * @param fordblks free bytes in the heap
 * @param keepcost what {@code malloc_trim} could give back at the top of the heap
 */
public record MallocInfo(long arena, long ordblks, long smblks, long hblks, long hblkhd, long usmblks,
        long fsmblks, long uordblks, long fordblks, long keepcost) {

    /** Where the fallback lets mallinfo2 write its result: deep below the stack pointer, in unused stack. */
    private static final String SCRATCH = "$vgharness_mallinfo";

    /**
     * Calls {@code mallinfo2()} in the stopped target. Without its return type (no libc debug info) gdb refuses the
     * call ("'mallinfo2' has unknown return type"); then it is called as a function taking the x86-64 ABI's hidden
     * result pointer, aimed at stack memory 64 KiB below the stack pointer (no heap block is allocated, so the
     * numbers are not disturbed), and the ten size_t are read from there.
     */
    public static MallocInfo read(MiSession gdb, Duration timeout) throws MiSessionException {
        try {
            return parse(evaluate(gdb, "mallinfo2()", timeout));
        } catch (MiSessionException.CommandFailed e) {
            evaluate(gdb, SCRATCH + " = (unsigned long *) ($sp - 65536)", timeout);
            evaluate(gdb, "((void (*) (void *)) mallinfo2) (" + SCRATCH + ")", timeout);
            return parse(evaluate(gdb, "*(unsigned long (*)[10]) " + SCRATCH, timeout));
        }
    }

    private static String evaluate(MiSession gdb, String expression, Duration timeout) throws MiSessionException {
        return gdb.send("-data-evaluate-expression " + dev.vgharness.mi.CStrings.quote(expression), timeout).result()
                .string("value");
    }

    /** From gdb's print of the struct, with or without field names. */
    public static MallocInfo parse(String value) {
        String body = value.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalArgumentException("not a mallinfo2 value: " + value);
        }
        List<Long> numbers = new ArrayList<>();
        for (String part : body.substring(1, body.length() - 1).split(",")) {
            String number = part.contains("=") ? part.substring(part.indexOf('=') + 1) : part;
            numbers.add(Long.parseUnsignedLong(number.strip()));
        }
        if (numbers.size() != 10) {
            throw new IllegalArgumentException("mallinfo2 has 10 fields, not " + numbers.size() + ": " + value);
        }
        return new MallocInfo(numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3), numbers.get(4),
                numbers.get(5), numbers.get(6), numbers.get(7), numbers.get(8), numbers.get(9));
    }

    /** This minus {@code before}, field by field. */
    public MallocInfo minus(MallocInfo before) {
        return new MallocInfo(arena - before.arena, ordblks - before.ordblks, smblks - before.smblks,
                hblks - before.hblks, hblkhd - before.hblkhd, usmblks - before.usmblks, fsmblks - before.fsmblks,
                uordblks - before.uordblks, fordblks - before.fordblks, keepcost - before.keepcost);
    }
}
