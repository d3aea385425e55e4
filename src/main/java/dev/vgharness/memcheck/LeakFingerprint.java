package dev.vgharness.memcheck;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The identity of a leak that survives rebuilds and reruns: the kind plus, for each stack frame, the function and
 * the file (or object) name, without addresses or line numbers, and without the allocator frames at the top.
 * Text form: {@code definitely_lost|make_indirect@leaks.c|main@leaks.c}.
 */
public record LeakFingerprint(LeakKind kind, List<String> frames) {

    private static final Set<String> ALLOCATORS = Set.of(
            "malloc", "calloc", "realloc", "reallocarray", "free", "memalign", "posix_memalign", "aligned_alloc",
            "valloc", "pvalloc", "strdup", "strndup", "wcsdup", "operator new", "operator new[]",
            "__builtin_new", "__builtin_vec_new", "__libc_malloc", "__libc_calloc", "__libc_realloc");

    public LeakFingerprint {
        requireNonNull(kind, "kind is null");
        frames = List.copyOf(frames);
    }

    public static LeakFingerprint of(LossRecord record) {
        return of(record.kind(), record.stack());
    }

    public static LeakFingerprint of(LeakKind kind, List<StackFrame> stack) {
        int first = 0;
        while (first < stack.size() && isAllocator(stack.get(first).function())) {
            first++;
        }
        List<String> names = new ArrayList<>(stack.size() - first);
        for (StackFrame frame : stack.subList(first, stack.size())) {
            names.add(frameKey(frame));
        }
        return new LeakFingerprint(kind, names);
    }

    /** True for malloc, operator new(unsigned long), operator new[](unsigned long, std::nothrow_t const&) and kin. */
    public static boolean isAllocator(String function) {
        if (function == null) {
            return false;
        }
        int paren = function.startsWith("operator new") ? function.indexOf('(') : -1;
        String bare = paren > 0 ? function.substring(0, paren) : function;
        return ALLOCATORS.contains(bare);
    }

    /** The function names of the stack without the allocator frames: what a baseline matches. */
    public List<String> functions() {
        List<String> functions = new ArrayList<>(frames.size());
        for (String frame : frames) {
            int at = frame.lastIndexOf('@');
            functions.add(at < 0 ? frame : frame.substring(0, at));
        }
        return functions;
    }

    /** {@code definitely_lost|make_indirect@leaks.c|main@leaks.c}. */
    public String text() {
        return kind.key() + (frames.isEmpty() ? "" : "|" + String.join("|", frames));
    }

    /** A short stable hash of {@link #text()} (16 hex digits of SHA-256), for SARIF partialFingerprints. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return text();
    }

    private static String frameKey(StackFrame frame) {
        String function = frame.function() == null ? "???" : frame.function();
        String where = frame.file() != null ? frame.file() : frame.object();
        return where == null ? function : function + "@" + baseName(where);
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
