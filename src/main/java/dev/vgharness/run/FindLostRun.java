package dev.vgharness.run;

import dev.vgharness.plan.CaseSpec;
import dev.vgharness.plan.FindLost;
import dev.vgharness.result.CaseResult;
import dev.vgharness.result.FinalResults;
import dev.vgharness.result.LossRecordResult;
import dev.vgharness.vgdb.GdbLaunch;
import dev.vgharness.vgdb.HarnessException;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.PrivateDir;
import dev.vgharness.vgdb.ValgrindLaunch;
import dev.vgharness.vgdb.VgdbTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second run of a case with {@code find_lost}: the exit's loss records of the chosen kinds, largest first, up to
 * the limit, are followed from their allocation to where they were lost ({@link LostBlockTracer}), under
 * {@code --vgdb=full} so that a watchpoint stops at the line that wrote. Each chosen record of the case's result gets
 * its {@code lost_at}, or {@code lost_at_unknown} saying why not.
 */
final class FindLostRun {

    /** Pointer searches a record's blocks may take in all before the record is given up. */
    static final int STEP_BUDGET = 400;
    private static final Duration READY = Duration.ofSeconds(30);

    private final CaseSpec spec;
    private final RunOptions options;

    private FindLostRun(CaseSpec spec, RunOptions options) {
        this.spec = spec;
        this.options = options;
    }

    /** The first run's result with what the second run found, or as it was when the case asks for no second run. */
    static CaseResult after(CaseSpec spec, RunOptions options, CaseResult first) {
        if (spec.findLost().isEmpty() || first.finalResults() == null) {
            return first;
        }
        List<LossRecordResult> chosen = chosen(spec.findLost().get(), first.finalResults().lossRecords());
        if (chosen.isEmpty()) {
            return first;
        }
        long start = System.nanoTime();
        Map<Integer, LossRecordResult> found = new FindLostRun(spec, options).follow(chosen);
        String took = String.format(java.util.Locale.ROOT, "find_lost: the second run followed %d loss record(s) in"
                + " %.1f s", chosen.size(), (System.nanoTime() - start) / 1e9);
        return withLostAt(first, found, took);
    }

    /** The records to follow: of the chosen kinds, not in the baseline, largest first, up to the limit. */
    static List<LossRecordResult> chosen(FindLost find, List<LossRecordResult> records) {
        return records.stream()
                .filter(r -> !r.baseline() && !r.gone() && find.follows(r.record().kind()))
                .sorted(Comparator.comparingLong((LossRecordResult r) -> r.record().bytes()).reversed())
                .limit(find.limit())
                .toList();
    }

    private Map<Integer, LossRecordResult> follow(List<LossRecordResult> chosen) {
        Map<Integer, LossRecordResult> found = new HashMap<>();
        List<AllocationSite> sites = new ArrayList<>();
        for (LossRecordResult r : chosen) {
            Optional<AllocationSite> site = AllocationSite.of(r.record());
            if (site.isPresent()) {
                sites.add(site.get());
            } else {
                found.put(r.record().number(), r.withLostAt(null, "its allocation stack has no caller to stop in"));
            }
        }
        String failure;
        try (PrivateDir capture = PrivateDir.create();
                VgdbTarget target = VgdbTarget.start(launch(capture.path()), gdbLaunch(), options.commandTimeout())) {
            long deadline = System.nanoTime() + spec.timeoutOr(options.defaultTimeout()).toNanos();
            List<SiteProgress> progress = new LostBlockTracer(target.gdb(), options.commandTimeout(), deadline,
                    STEP_BUDGET).follow(sites);
            for (SiteProgress p : progress) {
                LossRecordResult r = resultOf(chosen, p.site());
                found.put(r.record().number(), r.withLostAt(p.lostAt().orElse(null), p.unknown().orElse(null)));
            }
            return found;
        } catch (HarnessException | MiSessionException e) {
            failure = "the second run failed: " + e.getMessage();
        } catch (RuntimeException e) {
            failure = "the second run failed: internal error: " + e;
        }
        for (LossRecordResult r : chosen) {
            found.putIfAbsent(r.record().number(), r.withLostAt(null, failure));
        }
        return found;
    }

    private static LossRecordResult resultOf(List<LossRecordResult> chosen, AllocationSite site) {
        return chosen.stream().filter(r -> r.record().number() == site.record().number()).findFirst().orElseThrow();
    }

    private static CaseResult withLostAt(CaseResult c, Map<Integer, LossRecordResult> found, String note) {
        FinalResults f = c.finalResults();
        List<LossRecordResult> records = f.lossRecords().stream()
                .map(r -> found.getOrDefault(r.record().number(), r)).toList();
        List<String> notes = new ArrayList<>(c.notes());
        notes.add(note);
        return new CaseResult(c.name(), c.status(), c.error(), c.command(), c.pid(), c.durationMs(), c.stops(),
                c.exit(), new FinalResults(f.summary(), records, f.errors(), f.complete(), f.note()), c.assertions(),
                c.stdout(), c.stderr(), c.samples(), c.warnings(), notes);
    }

    /** The case's program under valgrind again, with precise stops for watchpoints ({@code --vgdb=full}). */
    private ValgrindLaunch launch(Path capture) {
        List<String> valgrindOptions = new ArrayList<>(spec.valgrindOptions());
        spec.suppressions().forEach(s -> valgrindOptions.add("--suppressions=" + s));
        valgrindOptions.add("--vgdb=full");
        ValgrindLaunch launch = ValgrindLaunch.of(spec.command(), capture).withValgrind(options.valgrind())
                .withOptions(valgrindOptions).withCwd(spec.cwd()).withEnvironment(spec.env())
                .withTimeouts(READY, spec.timeoutOr(options.defaultTimeout()).plus(Duration.ofSeconds(30)));
        return spec.stdin().map(launch::withStdin).orElse(launch);
    }

    private GdbLaunch gdbLaunch() {
        String name = spec.name() + " find_lost";
        GdbLaunch launch = GdbLaunch.defaults().withGdb(options.gdb()).withCommandTimeout(options.commandTimeout())
                .withTraffic(line -> options.traffic().accept("[" + name + "] " + line));
        Path program = Path.of(spec.command().get(0));
        return Files.isRegularFile(program) ? launch.withProgram(program) : launch;
    }
}
