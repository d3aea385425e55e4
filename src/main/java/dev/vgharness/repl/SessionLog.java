package dev.vgharness.repl;

import dev.vgharness.result.CaseExit;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.RunResult;
import dev.vgharness.result.RunStatus;
import dev.vgharness.result.StopFrame;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the REPL saw, for {@code :report}: one case named after the program, one stop per place the target
 * stopped ({@code start}, {@code breakpoint 1}, {@code interrupt}), each with what was asked there.
 * <pre>
 * {"cases": [{"name": "leaky", "stops": [{"breakpoint": "breakpoint 1", "hit": 2, "leak_check": {...}}]}]}
 * </pre>
 */
final class SessionLog {

    private final Clock clock;
    private final Instant startedAt;
    private final List<StopDraft> stops = new ArrayList<>();
    private final Map<String, Integer> hits = new HashMap<>();
    private List<String> command = List.of();
    private long pid;
    private CaseExit exit;
    private FinalResults finalResults;
    private StopDraft current;

    SessionLog(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    void started(List<String> argv, long valgrindPid) {
        command = List.copyOf(argv);
        pid = valgrindPid;
        exit = null;
        finalResults = null;
    }

    /** A new stop: what is asked from now on belongs to it. */
    void stopped(String label, int thread, StopFrame frame) {
        int hit = hits.merge(label, 1, Integer::sum);
        current = new StopDraft(label, hit, thread, frame);
        stops.add(current);
    }

    /** The stop being asked about, or null while the target runs or before it stopped. */
    StopDraft current() {
        return current;
    }

    void running() {
        current = null;
    }

    void exited(CaseExit how, FinalResults results) {
        current = null;
        exit = how;
        finalResults = results;
    }

    RunResult result(String version) {
        String name = command.isEmpty() ? "repl" : java.nio.file.Path.of(command.get(0)).getFileName().toString();
        long durationMs = clock.millis() - startedAt.toEpochMilli();
        CaseResult c = new CaseResult(name, RunStatus.PASSED, null, command, pid, durationMs,
                stops.stream().map(StopDraft::result).toList(), exit, finalResults, List.of(), null);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("java", System.getProperty("java.version"));
        return new RunResult(new RunResult.Tool("vgharness", version), new RunResult.PlanInfo("repl", null),
                environment, startedAt, durationMs, RunStatus.PASSED, null, command.isEmpty() ? List.of() : List.of(c));
    }

    static StopFrame frame(dev.vgharness.vgdb.GdbFrame f) {
        return new StopFrame(f.function(), f.file().orElse(null), f.line().orElse(null), f.address());
    }
}
