package dev.vgharness.cli;

import dev.vgharness.vgdb.GdbFunction;
import java.util.Comparator;
import java.util.List;

/**
 * The commented plan {@code init} writes for a program: one case that runs it, a leak check at the first of its own
 * functions (the others listed as comments to choose from), and the expectations a clean program meets. It
 * validates against docs/schemas/plan.schema.json and runs as it is.
 */
final class StarterPlan {

    /** Functions listed as candidates at most. */
    static final int LISTED = 20;

    private StarterPlan() {
    }

    /**
     * @param name the plan's and the case's name (the program's file name)
     * @param command the program as the plan names it (relative to the plan's folder, or absolute)
     * @param functions the program's own functions with debug information, none when it has none
     */
    static String text(String name, String command, List<GdbFunction> functions) {
        List<GdbFunction> own = functions.stream()
                .sorted(Comparator.comparing(GdbFunction::file).thenComparingInt(GdbFunction::line)).toList();
        GdbFunction chosen = own.stream().filter(f -> !f.name().equals("main")).findFirst().orElse(null);
        StringBuilder plan = new StringBuilder();
        plan.append("# A starter plan for ").append(command).append(", written by 'vgharness init'.\n")
                .append("# Edit it, then run it: vgharness run <this file>. Every key: docs/plan.md.\n")
                .append("version: 1\n")
                .append("name: ").append(quote(name)).append('\n')
                .append("cases:\n")
                .append("  - name: ").append(quote(name)).append('\n')
                .append("    command: [").append(quote(command)).append("]   # and its arguments; relative to this"
                        + " file's folder\n")
                .append("    timeout: 5m                      # the whole case, valgrind's slowdown included\n");
        breakpoints(plan, own, chosen);
        plan.append("    expect:                          # checked when the program has ended\n")
                .append("      exit_code: 0\n")
                .append("      errors: 0                      # Memcheck errors (invalid reads, writes, ...)\n")
                .append("      definitely_lost_bytes: 0\n");
        return plan.toString();
    }

    private static void breakpoints(StringBuilder plan, List<GdbFunction> own, GdbFunction chosen) {
        if (own.isEmpty()) {
            plan.append("    # No function of the program with debug information is known: build it with -g and give it\n")
                    .append("    # to 'vgharness init' for a list, or set a breakpoint by hand:\n")
                    .append("    # breakpoints:\n")
                    .append("    #   - id: request\n")
                    .append("    #     at: file.c:42              # or a function name\n");
            return;
        }
        plan.append("    # Functions with debug information (from gdb), to stop at instead or as well:\n");
        own.stream().limit(LISTED).forEach(f -> plan.append("    #   ").append(f.name()).append("  (")
                .append(f.file()).append(':').append(f.line()).append(")\n"));
        if (own.size() > LISTED) {
            plan.append("    #   ... and ").append(own.size() - LISTED).append(" more\n");
        }
        if (chosen == null) {
            return;
        }
        plan.append("    breakpoints:\n")
                .append("      - id: ").append(quote(id(chosen.name()))).append('\n')
                .append("        at: ").append(quote(chosen.name())).append('\n')
                .append("        max_hits: 10                 # act on the first 10 hits\n")
                .append("        actions: [leak_check]        # a leak search at every hit, deltas to the previous\n")
                .append("        expect:\n")
                .append("          hits: \">= 0\"               # reaching it is not required\n")
                .append("          # new_definitely_lost_blocks: 0   # nothing lost since the previous hit\n");
    }

    /** An id from a function name: {@code Inventory::report()} is {@code Inventory_report}. */
    static String id(String function) {
        String id = function.replaceAll("\\(.*$", "").replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return id.isEmpty() ? "stop" : id;
    }

    /** A YAML double-quoted scalar. */
    static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
