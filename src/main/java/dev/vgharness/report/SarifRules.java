package dev.vgharness.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What a SARIF rule tells a reader who has never heard of Memcheck: a full description, help in markdown (what the
 * finding means, how to fix it), a link into the Memcheck manual, tags (CWE ids code scanning groups by) and, for
 * the errors an attacker can use (invalid reads, writes and frees), a {@code security-severity} that code
 * scanning turns into critical/high/medium.
 */
final class SarifRules {

    static final String MANUAL = "https://valgrind.org/docs/manual/mc-manual.html";

    /** One rule's text; {@code severity} is null for a rule that is not a security finding. */
    private record Rule(String description, String markdown, String anchor, List<String> tags, String severity) {
    }

    private static final String LEAK_FIX = """

            **How to fix:** the stack shows where the block was allocated. Follow the pointer it was stored in and \
            free it on every path where its owner goes away (an early `return`, an error branch, a container that is \
            cleared or destroyed), or give it an owner that frees it (RAII, `std::unique_ptr`). `block_list` with \
            `contents: 32` in a plan shows the bytes of the lost blocks, which often names the owner.""";

    private static final Map<String, Rule> LEAKS = Map.of(
            "leak/definitely_lost", new Rule("No pointer to the block exists anywhere any more: it can never be freed.",
                    "**Definitely lost:** when Memcheck searched, no pointer to the start or the inside of this block"
                            + " was left in registers, the stacks, globals or other blocks. The memory is leaked for"
                            + " good; every time this path runs, the program grows." + LEAK_FIX,
                    "leaks", List.of("memory", "leak", "external/cwe/cwe-401"), null),
            "leak/indirectly_lost", new Rule("The block is reachable only from blocks that are themselves lost.",
                    "**Indirectly lost:** the only pointers to this block are in other lost blocks (a node of a lost"
                            + " list or tree). Fixing the leak of the block that points at it (definitely lost) fixes"
                            + " this one too." + LEAK_FIX,
                    "leaks", List.of("memory", "leak", "external/cwe/cwe-401"), null),
            "leak/possibly_lost", new Rule("Only pointers into the middle of the block exist: it may be leaked.",
                    "**Possibly lost:** no pointer to the block's start was found, only pointers into its middle"
                            + " (an interior pointer: a string advanced past its start, a base class inside a derived"
                            + " object, a custom allocator's header). Often a real leak whose last pointer was moved;"
                            + " sometimes deliberate. `who_points_at` shows where the interior pointers are." + LEAK_FIX,
                    "leaks", List.of("memory", "leak", "external/cwe/cwe-401"), null),
            "leak/still_reachable", new Rule("The block is still pointed at when the program ends, but never freed.",
                    "**Still reachable:** a pointer to the block still exists (usually a global or static cache) but"
                            + " it was never freed. Not a leak by itself; one that grows between stops is." + LEAK_FIX,
                    "leaks", List.of("memory", "leak"), null));

    private static final Map<String, Rule> ERRORS = Map.of(
            "InvalidRead", new Rule("The program read memory it must not: past a block's end, or freed memory.",
                    "**Invalid read:** memory outside any live block was read: past the end (or before the start)"
                            + " of a heap block, or a block already freed (use after free). The value read is"
                            + " garbage, and an attacker may control it.\n\n**How to fix:** check the index or length"
                            + " against the block's size at the first own frame; for a freed block, find who freed it"
                            + " (the second stack) and who still holds the pointer.",
                    "badrw", List.of("memory", "security", "external/cwe/cwe-125"), "7.5"),
            "InvalidWrite", new Rule("The program wrote memory it must not: past a block's end, or freed memory.",
                    "**Invalid write:** memory outside any live block was written: a heap buffer overflow or a"
                            + " write after free. It corrupts other data or the allocator's, and is the classic"
                            + " exploitable bug.\n\n**How to fix:** bound the copy or loop by the block's size (the"
                            + " message says how many bytes past which block); for a freed block, see who freed it.",
                    "badrw", List.of("memory", "security", "external/cwe/cwe-787"), "8.8"),
            "InvalidFree", new Rule("A pointer that is not the start of a live heap block was freed.",
                    "**Invalid free:** `free`/`delete` got a pointer that is not the start of a live block: freed"
                            + " twice, never allocated, or into a block's middle. Double frees corrupt the allocator"
                            + " and can be exploited.\n\n**How to fix:** set the pointer to NULL after freeing, and give"
                            + " each block one owner that frees it.",
                    "badfrees", List.of("memory", "security", "external/cwe/cwe-415", "external/cwe/cwe-763"), "8.1"),
            "MismatchedFree", new Rule("A block was freed with a function that does not match its allocation.",
                    "**Mismatched free:** memory from `malloc` went to `delete`, from `new[]` to `delete`, or from"
                            + " `new` to `free`. It works by luck with some allocators and corrupts others.\n\n"
                            + "**How to fix:** free with the partner of the allocating function.",
                    "rudefn", List.of("memory", "security", "external/cwe/cwe-762"), "5.5"));

    private static final Map<String, String> ERROR_ANCHORS = Map.of("UninitCondition", "uninitvals", "UninitValue",
            "uninitvals", "SyscallParam", "bad-syscall-args", "Overlap", "overlap", "FishyValue", "fishyvalue",
            "InvalidMemPool", "mempools");

    private SarifRules() {
    }

    /** Adds fullDescription, help, helpUri and properties (tags, security-severity) to a rule. */
    static void describe(ObjectNode rule, String id) {
        Rule r = rule(id);
        rule.putObject("fullDescription").put("text", r.description());
        ObjectNode help = rule.putObject("help");
        help.put("text", r.markdown().replace("**", "").replace("`", ""));
        help.put("markdown", r.markdown());
        rule.put("helpUri", MANUAL + "#mc-manual." + r.anchor());
        ObjectNode properties = rule.putObject("properties");
        r.tags().forEach(properties.putArray("tags")::add);
        if (r.severity() != null) {
            properties.put("security-severity", r.severity());
        }
    }

    private static Rule rule(String id) {
        if (LEAKS.containsKey(id)) {
            return LEAKS.get(id);
        }
        String kind = id.substring(id.indexOf('/') + 1);
        Rule known = ERRORS.get(kind);
        if (known != null) {
            return known;
        }
        String text = "Memcheck reported a " + kind + " error: the program used memory in a way that is undefined.";
        return new Rule(text, "**" + kind + ":** " + text.substring(text.indexOf(':') + 2)
                + "\n\n**How to fix:** start at the first frame in your own code; the Memcheck manual explains each"
                + " kind of error.", ERROR_ANCHORS.getOrDefault(kind, "errormsgs"), List.of("memory", "correctness"),
                null);
    }
}
