package dev.vgharness.vgdb;

import dev.vgharness.mi.CStrings;
import dev.vgharness.mi.MiRecord;
import dev.vgharness.mi.MiTuple;
import dev.vgharness.mi.MiValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MI commands that follow a block through a program (watchpoints, single steps, finishing a frame, a function's
 * return instructions), as gdb 13 answers them under valgrind's gdbserver. gdb's MI {@code -break-watch} knows no
 * {@code -l}: a watch on {@code *(void **) 0x4a40040} names no variable, so it never goes out of scope anyway.
 */
public final class TraceCommands {

    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    /** Valgrind's replacements of free and operator delete in vgpreload ({@code _vgr10050ZU_libcZdsoZa_free}). */
    private static final Pattern RELEASE = Pattern.compile("_vgr\\d+ZU_\\w+?_(c?free|_Zd[la]Pv\\w*)");

    private TraceCommands() {
    }

    /**
     * A watchpoint on the pointer-sized slot at {@code address}:
     * {@code -break-watch "*(void **) 0x4a40040"} → {@code ^done,wpt={number="2",exp="*(void **) 0x4a40040"}}. It
     * stops as {@code *stopped,reason="watchpoint-trigger",wpt={number="2",...},value={old="...",new="0x0"},frame=}.
     */
    public static String watch(MiSession gdb, long address) throws MiSessionException {
        return gdb.send("-break-watch " + CStrings.quote("*(void **) " + hex(address))).result().tuple("wpt")
                .string("number");
    }

    /** A breakpoint on an instruction, with a condition gdb evaluates at each pass: its number. */
    public static String breakAt(MiSession gdb, long address, Optional<String> condition) throws MiSessionException {
        return GdbCommands.breakInsert(gdb, "*" + hex(address), condition, 0).number();
    }

    /** Sets or replaces a breakpoint's condition: {@code -break-condition 3 $rdi == 0x4a40040}. */
    public static void condition(MiSession gdb, String number, String expression) throws MiSessionException {
        gdb.send("-break-condition " + number + " " + expression);
    }

    /** Enables or disables breakpoints: {@code -break-enable 3 4}. */
    public static void enable(MiSession gdb, List<String> numbers, boolean on) throws MiSessionException {
        if (!numbers.isEmpty()) {
            gdb.send((on ? "-break-enable " : "-break-disable ") + String.join(" ", numbers));
        }
    }

    /**
     * The value of an expression in a thread's frame: {@code -data-evaluate-expression --thread 1 --frame 0 $rax} →
     * {@code ^done,value="74711104"}.
     */
    public static String evaluate(MiSession gdb, int thread, int frame, String expression) throws MiSessionException {
        return gdb.send("-data-evaluate-expression --thread " + thread + " --frame " + frame + " "
                + CStrings.quote(expression)).result().string("value");
    }

    /** The last address in a value such as {@code (char **) 0x1fff000638}, if any. */
    public static Optional<Long> addressIn(String value) {
        Matcher m = HEX.matcher(value);
        Long last = null;
        while (m.find()) {
            last = Long.parseUnsignedLong(m.group().substring(2), 16);
        }
        return Optional.ofNullable(last);
    }

    /** One instruction ({@code -exec-step-instruction}), then its stop ({@code reason="end-stepping-range"}). */
    public static StopEvent stepInstruction(MiSession gdb, Duration timeout) throws MiSessionException {
        gdb.send("-exec-step-instruction");
        return gdb.awaitStop(timeout);
    }

    /** Runs to the return of the selected frame ({@code -exec-finish}), then its stop ({@code function-finished}). */
    public static StopEvent finish(MiSession gdb, Duration timeout) throws MiSessionException {
        gdb.send("-exec-finish");
        return gdb.awaitStop(timeout);
    }

    /** The number of the watchpoint of a {@code watchpoint-trigger} stop, if it is one. */
    public static Optional<String> watchpointOf(MiRecord.Async stopped) {
        return stopped.find("wpt").filter(MiTuple.class::isInstance).map(w -> ((MiTuple) w).string("number"));
    }

    /**
     * The return instructions of the function around {@code pc}:
     * {@code -data-disassemble -a 0x1091a5 -- 0} → {@code ^done,asm_insns=[{address="0x...1091cf",
     * func-name="parse_header",offset="64",inst="ret"},...]}.
     */
    public static List<Long> returnInstructions(MiSession gdb, long pc) throws MiSessionException {
        List<Long> returns = new ArrayList<>();
        for (MiValue insn : gdb.send("-data-disassemble -a " + hex(pc) + " -- 0").result().list("asm_insns").values()) {
            MiTuple t = (MiTuple) insn;
            String inst = t.string("inst").strip();
            if (inst.equals("ret") || inst.startsWith("ret ") || inst.matches("(repz|rep|bnd|notrack) ret.*")) {
                returns.add(t.address("address"));
            }
        }
        return returns;
    }

    /**
     * The names of valgrind's replacements of free, cfree and operator delete, once its preload library is loaded:
     * {@code -symbol-info-functions --include-nondebug --name ZU_} lists them as
     * {@code nondebug=[{address="0x0000000004844070",name="_vgr10050ZU_libcZdsoZa_free"},...]} where the library has no
     * debug information (3.19 here) and as {@code debug=[{filename="vg_replace_malloc.c",symbols=[{line="1050",
     * name="_vgr10050ZU_libcZdsoZa_free",...}]}]} where it has (3.27).
     */
    public static List<String> releaseFunctions(MiSession gdb) throws MiSessionException {
        MiTuple symbols = gdb.send("-symbol-info-functions --include-nondebug --name ZU_").result().tuple("symbols");
        List<String> names = new ArrayList<>();
        if (symbols.has("nondebug")) {
            symbols.list("nondebug").values().forEach(s -> addRelease(names, (MiTuple) s));
        }
        if (symbols.has("debug")) {
            for (MiValue file : symbols.list("debug").values()) {
                ((MiTuple) file).list("symbols").values().forEach(s -> addRelease(names, (MiTuple) s));
            }
        }
        return names;
    }

    private static void addRelease(List<String> names, MiTuple symbol) {
        String name = symbol.string("name");
        if (RELEASE.matcher(name).matches() && !names.contains(name)) {
            names.add(name);
        }
    }

    public static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }
}
