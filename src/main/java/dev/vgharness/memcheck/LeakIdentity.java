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
 * The identity of a leak across runs ({@code leakIdentity/v2}): the kind, the allocator the code called, and each
 * frame below it as function, file name and allocation site (see {@link LeakSites}): no addresses, no line numbers,
 * so it survives rebuilds and code moving above it, yet two sites in one function stay apart.
 * Text form: {@code definitely_lost|malloc|make_tree@leaky.c=3f9a01c2:1|main@leaky.c=#1}.
 *
 * @param allocator the outermost allocator frame's bare name ({@code malloc}, {@code operator new[]}), or null
 */
public record LeakIdentity(LeakKind kind, String allocator, List<Frame> frames) {

    private static final Set<String> ALLOCATORS = Set.of(
            "malloc", "calloc", "realloc", "reallocarray", "free", "memalign", "posix_memalign", "aligned_alloc",
            "valloc", "pvalloc", "strdup", "strndup", "wcsdup", "operator new", "operator new[]",
            "__builtin_new", "__builtin_vec_new", "__libc_malloc", "__libc_calloc", "__libc_realloc");

    /**
     * One frame below the allocator.
     *
     * @param where the file's base name, else the object's, else null
     * @param site {@code 3f9a01c2:1}, {@code #2} or {@code -} ({@link LeakSites})
     */
    public record Frame(String function, String where, String site) {
        public Frame {
            requireNonNull(function, "function is null");
            requireNonNull(site, "site is null");
        }

        /** {@code make_tree@leaky.c=3f9a01c2:1}. */
        public String text() {
            return function + (where == null ? "" : "@" + where) + "=" + site;
        }
    }

    public LeakIdentity {
        requireNonNull(kind, "kind is null");
        frames = List.copyOf(frames);
    }

    /** The identity of a record whose frames below the allocator have these sites, in order. */
    public static LeakIdentity of(LossRecord record, List<String> sites) {
        List<StackFrame> below = belowAllocator(record.stack());
        if (sites.size() != below.size()) {
            throw new IllegalArgumentException(sites.size() + " sites for " + below.size() + " frames");
        }
        List<Frame> frames = new ArrayList<>(below.size());
        for (int i = 0; i < below.size(); i++) {
            StackFrame f = below.get(i);
            String where = f.file() != null ? f.file() : f.object();
            frames.add(new Frame(f.function() == null ? "???" : f.function(),
                    where == null ? null : baseName(where), sites.get(i)));
        }
        return new LeakIdentity(record.kind(), allocator(record.stack()), frames);
    }

    /** The frames after the allocator frames at the top of the stack. */
    public static List<StackFrame> belowAllocator(List<StackFrame> stack) {
        int first = 0;
        while (first < stack.size() && isAllocator(stack.get(first).function())) {
            first++;
        }
        return stack.subList(first, stack.size());
    }

    /** The bare name of the last allocator frame above the first other one, or null when the stack starts with none. */
    static String allocator(List<StackFrame> stack) {
        String found = null;
        for (StackFrame f : stack) {
            if (!isAllocator(f.function())) {
                break;
            }
            found = bareName(f.function());
        }
        return found;
    }

    /** True for malloc, operator new(unsigned long), operator new[](unsigned long, std::nothrow_t const&) and kin. */
    public static boolean isAllocator(String function) {
        return function != null && ALLOCATORS.contains(bareName(function));
    }

    private static String bareName(String function) {
        int paren = function.startsWith("operator new") ? function.indexOf('(') : -1;
        return paren > 0 ? function.substring(0, paren) : function;
    }

    /** The function names below the allocator: what an old baseline entry matches. */
    public List<String> functions() {
        return frames.stream().map(Frame::function).toList();
    }

    /** The sites below the allocator, in order. */
    public List<String> sites() {
        return frames.stream().map(Frame::site).toList();
    }

    /** {@code definitely_lost|malloc|make_tree@leaky.c=3f9a01c2:1|main@leaky.c=#1}. */
    public String text() {
        StringBuilder text = new StringBuilder(kind.key()).append('|').append(allocator == null ? "-" : allocator);
        frames.forEach(f -> text.append('|').append(f.text()));
        return text.toString();
    }

    /** 16 hex digits of the SHA-256 of {@link #text()}: SARIF's {@code partialFingerprints["leakIdentity/v2"]}. */
    public String hash() {
        return sha256(text(), 8);
    }

    @Override
    public String toString() {
        return text();
    }

    /** The first {@code bytes} bytes of the SHA-256 of a text, in hex. */
    static String sha256(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
