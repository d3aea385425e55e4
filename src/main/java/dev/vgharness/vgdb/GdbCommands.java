package dev.vgharness.vgdb;

import dev.vgharness.mi.CStrings;
import dev.vgharness.mi.MiTuple;
import dev.vgharness.mi.MiValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The MI commands the harness uses, each with a typed answer. Transcripts show what gdb 13 prints; see
 * {@code fixtures/mi/} for whole sessions.
 */
public final class GdbCommands {

    private GdbCommands() {
    }

    /**
     * Attaches to valgrind's gdbserver through vgdb. The pipe is given unquoted: the quoted form
     * {@code -target-select remote "| vgdb ..."} fails ("No such file or directory"). gdb answers {@code ^connected}
     * after a {@code *stopped} at {@code _start}, which is consumed here.
     * <pre>
     * -> 101-target-select remote | vgdb --vgdb-prefix=/tmp/vgharness-x/vgdb --pid=9253
     * <- *stopped,frame={addr="0x000000000401ab70",func="_start",...},thread-id="1",stopped-threads="all"
     * <- 101^connected
     * </pre>
     */
    public static StopEvent attach(MiSession gdb, ValgrindProcess valgrind, Duration timeout) throws MiSessionException {
        gdb.send(valgrind.targetSelectCommand(), timeout);
        return gdb.awaitStop(timeout);
    }

    /**
     * Inserts a breakpoint, pending ({@code -f}) when no code loaded yet defines the location: gdb sets it when a
     * library that does is loaded ({@code =breakpoint-modified}, seen by {@link MiSession#loadedCode()}).
     * <pre>
     * -> 102-break-insert -f "leaks.c:18"
     * <- 102^done,bkpt={number="1",...,file="leaks.c",line="18",...}
     * -> 103-break-insert -f "plug_run"
     * <- &amp;"Function \"plug_run\" not defined.\n"
     * <- 103^done,bkpt={number="2",...,addr="&lt;PENDING&gt;",pending="plug_run",...}
     * </pre>
     * A function the executable calls through its PLT resolves at {@code _start} to the stub
     * ({@code at="<count_item@plt>"}), where a condition on its parameters is an error
     * ({@code ^error,msg="No symbol \"item\" in current context."}). Then the condition is forced
     * ({@code --force-condition}, gdb 11+): gdb disables it at the stub and, once the library is loaded, moves the
     * breakpoint to the function itself, where the condition is valid. A condition rejected anywhere but at a PLT
     * stub stays the error it was, thrown as {@link MiSessionException.CommandFailed}.
     */
    public static GdbBreakpoint breakInsert(MiSession gdb, String location, Optional<String> condition, int ignore)
            throws MiSessionException {
        MiOutput answer;
        try {
            answer = insert(gdb, location, condition, ignore, false);
        } catch (MiSessionException.CommandFailed e) {
            if (condition.isEmpty()) {
                throw e;
            }
            answer = forcedAtStub(gdb, location, condition, ignore).orElseThrow(() -> e);
        }
        GdbBreakpoint inserted = GdbBreakpoint.of(answer.result().tuple("bkpt"));
        gdb.loadedCode().inserted(inserted, answer.logText().strip());
        return inserted;
    }

    /** The breakpoint with its condition forced, when the only places gdb rejected the condition are PLT stubs. */
    private static Optional<MiOutput> forcedAtStub(MiSession gdb, String location, Optional<String> condition,
            int ignore) throws MiSessionException {
        MiOutput answer;
        try {
            answer = insert(gdb, location, condition, ignore, true);
        } catch (MiSessionException.CommandFailed olderGdbOrOtherError) {
            return Optional.empty();
        }
        GdbBreakpoint forced = GdbBreakpoint.of(answer.result().tuple("bkpt"));
        if (!forced.disabledLocations().isEmpty() && forced.disabledLocations().stream().allMatch(GdbFrame::isPltStub)) {
            return Optional.of(answer);
        }
        breakDelete(gdb, forced.number());
        return Optional.empty();
    }

    private static MiOutput insert(MiSession gdb, String location, Optional<String> condition, int ignore,
            boolean forceCondition) throws MiSessionException {
        StringBuilder command = new StringBuilder("-break-insert -f");
        condition.ifPresent(c -> command.append(" -c ").append(CStrings.quote(c)));
        if (forceCondition) {
            command.append(" --force-condition");
        }
        if (ignore > 0) {
            command.append(" -i ").append(ignore);
        }
        command.append(' ').append(CStrings.quote(location));
        return gdb.send(command.toString());
    }

    /** Deletes a breakpoint: {@code -break-delete 2} → {@code ^done}. */
    public static void breakDelete(MiSession gdb, String number) throws MiSessionException {
        gdb.send("-break-delete " + number);
    }

    /** Lets the target run: {@code ^running}, then {@code *running,thread-id="all"}; the stop comes as an event. */
    public static void continueRunning(MiSession gdb) throws MiSessionException {
        gdb.send("-exec-continue");
    }

    /** Stops the running target; under vgdb it stops as {@code signal-received,signal-name="SIGTRAP"}. */
    public static void interrupt(MiSession gdb) throws MiSessionException {
        gdb.send("-exec-interrupt");
    }

    /**
     * The current thread's stack:
     * {@code ^done,stack=[frame={level="0",addr="0x...",func="stage",file="leak.c",fullname="/src/leak.c",line="7",
     * arch="i386:x86-64"},frame={...}]}.
     */
    public static List<GdbFrame> stack(MiSession gdb) throws MiSessionException {
        List<GdbFrame> frames = new ArrayList<>();
        for (MiValue frame : gdb.send("-stack-list-frames").result().list("stack").all("frame")) {
            frames.add(GdbFrame.of((MiTuple) frame));
        }
        return frames;
    }

    /**
     * The arguments and locals of one frame of one thread, without changing gdb's selected frame:
     * {@code ^done,variables=[{name="dst",arg="1",type="char *",value="0x4a40040 \"host-a\""},{name="values",
     * type="int [4]"}]} (an aggregate has no value with {@code --simple-values}).
     */
    public static List<GdbVariable> variables(MiSession gdb, int thread, int frame) throws MiSessionException {
        List<GdbVariable> variables = new ArrayList<>();
        String command = "-stack-list-variables --thread " + thread + " --frame " + frame + " --simple-values";
        for (MiValue v : gdb.send(command).result().list("variables").values()) {
            variables.add(GdbVariable.of((MiTuple) v));
        }
        return variables;
    }

    /**
     * {@code length} bytes of the stopped target's memory at {@code address}, in one command:
     * {@code ^done,memory=[{begin="0x4a40040",offset="0x0",end="0x4a40060",contents="07000000686f7374"}]}. gdb
     * answers with the readable ranges only; a range missing is a {@code CommandFailed}, never bytes made up.
     */
    public static byte[] readMemory(MiSession gdb, long address, int length, Duration timeout)
            throws MiSessionException {
        String command = "-data-read-memory-bytes 0x" + Long.toHexString(address) + " " + length;
        byte[] bytes = new byte[length];
        int filled = 0;
        for (MiValue chunk : gdb.send(command, timeout).result().list("memory").values()) {
            MiTuple range = (MiTuple) chunk;
            long offset = Long.decode(range.string("offset"));
            byte[] read = HexFormat.of().parseHex(range.string("contents"));
            if (offset != filled || offset + read.length > length) {
                break;
            }
            System.arraycopy(read, 0, bytes, filled, read.length);
            filled += read.length;
        }
        if (filled != length) {
            throw new MiSessionException.CommandFailed(command, "only " + filled + " of " + length + " bytes readable");
        }
        return bytes;
    }

    /**
     * Every thread: {@code ^done,threads=[{id="1",target-id="Thread 9450 (tid 1 VgTs_Runnable)",frame={...},
     * state="stopped"}],current-thread-id="1"}.
     */
    public static List<GdbThread> threads(MiSession gdb) throws MiSessionException {
        List<GdbThread> threads = new ArrayList<>();
        for (MiValue thread : gdb.send("-thread-info").result().list("threads").values()) {
            threads.add(GdbThread.of((MiTuple) thread));
        }
        return threads;
    }

    /**
     * The program's functions with debug information (gdb 10+):
     * {@code ^done,symbols={debug=[{filename="leaky.c",fullname="/src/leaky.c",symbols=[{line="18",name="make_tree",
     * type="struct node *(int)",description="static struct node *make_tree(int);"}]}]}}.
     */
    public static List<GdbFunction> functions(MiSession gdb) throws MiSessionException {
        List<GdbFunction> functions = new ArrayList<>();
        MiTuple symbols = gdb.send("-symbol-info-functions").result().tuple("symbols");
        if (!symbols.has("debug")) {
            return functions;
        }
        for (MiValue file : symbols.list("debug").values()) {
            MiTuple f = (MiTuple) file;
            for (MiValue symbol : f.list("symbols").values()) {
                MiTuple s = (MiTuple) symbol;
                functions.add(new GdbFunction(s.string("name"), f.string("filename"), s.integer("line")));
            }
        }
        return functions;
    }
}
