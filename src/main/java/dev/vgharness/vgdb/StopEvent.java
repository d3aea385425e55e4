package dev.vgharness.vgdb;

import dev.vgharness.mi.MiRecord;
import dev.vgharness.mi.MiTuple;
import java.util.Optional;

/**
 * A {@code *stopped} record read into its parts:
 * <pre>
 * *stopped,reason="breakpoint-hit",disp="keep",bkptno="1",frame={addr="0x...",func="handle",args=[],file="leaky.c",
 *     fullname="/src/leaky.c",line="42",arch="i386:x86-64"},thread-id="3",stopped-threads="all"
 * *stopped,reason="exited",exit-code="012"          (octal: the program returned 10)
 * *stopped,reason="signal-received",signal-name="SIGSEGV",...
 * *stopped,frame={...},thread-id="1"               (vgdb at attach: no reason)
 * </pre>
 *
 * @param reason gdb's reason, or "" when it gave none
 * @param threadId the stopped thread, or 0 when not given
 * @param breakpoint the breakpoint number for a breakpoint hit, or 0
 * @param frame the frame where it stopped, when given
 * @param signal the signal name for signal-received and exited-signalled
 * @param exitCode the exit code for exited and exited-normally
 */
public record StopEvent(String reason, int threadId, int breakpoint, Optional<GdbFrame> frame,
        Optional<String> signal, Optional<Integer> exitCode) {

    public static StopEvent of(MiRecord.Async stopped) {
        String reason = stopped.optionalString("reason").orElse("");
        Optional<Integer> exitCode = switch (reason) {
            case "exited-normally" -> Optional.of(0);
            case "exited" -> Optional.of(Integer.parseInt(stopped.optionalString("exit-code").orElse("0"), 8));
            default -> Optional.empty();
        };
        return new StopEvent(reason,
                stopped.optionalString("thread-id").map(StopEvent::number).orElse(0),
                stopped.optionalString("bkptno").map(StopEvent::number).orElse(0),
                stopped.has("frame") ? Optional.of(GdbFrame.of((MiTuple) stopped.get("frame"))) : Optional.empty(),
                stopped.optionalString("signal-name"),
                exitCode);
    }

    /** The program is gone: exited or killed by a signal. */
    public boolean isExit() {
        return reason.startsWith("exited");
    }

    public boolean isBreakpointHit() {
        return reason.equals("breakpoint-hit");
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
