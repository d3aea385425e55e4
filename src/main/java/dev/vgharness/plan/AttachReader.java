package dev.vgharness.plan;

import dev.vgharness.plan.YamlNode.YamlMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a case's {@code attach:} ({@code {pid: 4242}} or {@code {pidfile: run/server.pid}}) and checks that the case
 * can attach: native mode, a {@code sample:} schedule, and no {@code command} (nor other settings of a program it
 * does not start).
 */
final class AttachReader {

    static final List<String> KEYS = List.of("pid", "pidfile");
    /** Case keys that only make sense for a program the case starts. */
    private static final List<String> FOR_STARTED = List.of("command", "cwd", "env", "stdin", "malloc");

    private final Values values;

    AttachReader(Values values) {
        this.values = values;
    }

    Optional<AttachSpec> read(YamlNode node, Fields owner) {
        Optional<YamlMap> map = values.map(node, owner.what("attach"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Fields f = new Fields(map.get(), "attach of " + owner.context(), PlanMap.ATTACH, values.problems());
        Optional<Long> pid = f.get("pid").flatMap(n -> values.integer(n, f.what("pid"), 1));
        Optional<java.nio.file.Path> pidfile = f.get("pidfile").flatMap(n -> values.path(n, f.what("pidfile")));
        boolean both = f.get("pid").isPresent() && f.get("pidfile").isPresent();
        if (both || map.get().entries().isEmpty()) { // a misspelt key alone is reported as such
            values.problems().add(map.get().location(), owner.what("attach") + " needs exactly one of 'pid' and"
                    + " 'pidfile'");
            return Optional.empty();
        }
        if (pid.isEmpty() && pidfile.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AttachSpec(pid.map(OptionalLong::of).orElse(OptionalLong.empty()), pidfile));
    }

    /** The rules of an attaching case, reported at its {@code attach:} key. */
    void check(Fields owner, CaseMode mode, Optional<SampleSchedule> sample) {
        YamlNode.Location at = owner.get("attach").get().location();
        if (mode != CaseMode.NATIVE) {
            values.problems().add(at, owner.what("attach") + " needs mode: native (a running process cannot be put"
                    + " under valgrind)");
        }
        if (sample.isEmpty()) {
            values.problems().add(at, owner.what("attach") + " needs 'sample:' (how often and how long to watch)");
        }
        for (String key : FOR_STARTED) {
            owner.get(key).ifPresent(n -> values.problems().add(n.location(), owner.what(key)
                    + " has no effect on a process the case attaches to (remove it, or 'attach')"));
        }
    }
}
