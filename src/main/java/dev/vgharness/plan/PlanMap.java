package dev.vgharness.plan;

import java.util.List;

/**
 * Every kind of map a plan holds, with the keys its reader accepts and where {@code docs/schemas/plan.schema.json}
 * describes it. {@link Fields} takes one of these rather than a bare key list, so every map a reader checks is one
 * that the schema test compares with the schema: a key accepted here and missing there fails the build.
 */
enum PlanMap {
    PLAN("", PlanReader.KEYS),
    DEFAULTS("/$defs/defaults", CaseReader.DEFAULT_KEYS),
    CASE("/$defs/case", CaseReader.CASE_KEYS),
    VALGRIND("/$defs/valgrind", CaseReader.VALGRIND_KEYS),
    MALLOC("/$defs/malloc", MallocTuning.KEYS),
    SAMPLE("/$defs/sample", CaseReader.SAMPLE_KEYS),
    CHILDREN("/$defs/children", CaseReader.CHILDREN_KEYS),
    ON_ERROR("/$defs/on_error", ErrorStops.KEYS),
    ATTACH("/$defs/attach", AttachReader.KEYS),
    FIND_LOST("/$defs/find_lost", FindLost.KEYS),
    BREAKPOINT("/$defs/breakpoint", BreakpointReader.KEYS),
    LEAK_CHECK("/$defs/leak_check", LeakOptionReader.LEAK_CHECK_KEYS),
    BLOCK_LIST("/$defs/block_list", LeakOptionReader.BLOCK_LIST_KEYS),
    WHO_POINTS_AT("/$defs/who_points_at", LeakOptionReader.WHO_POINTS_AT_KEYS);

    private final String schemaPointer;
    private final List<String> keys;

    PlanMap(String schemaPointer, List<String> keys) {
        this.schemaPointer = schemaPointer;
        this.keys = keys;
    }

    /** The JSON pointer, in the plan schema, of the object schema whose {@code properties} are these keys. */
    String schemaPointer() {
        return schemaPointer;
    }

    /** The keys the reader accepts in this map, in the order messages suggest them. */
    List<String> keys() {
        return keys;
    }
}
