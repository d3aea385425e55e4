package dev.vgharness.plan;

/**
 * One thing done at a breakpoint stop, in the order of the plan's {@code actions:} list, e.g.
 * {@code - leak_check}, {@code - block_list: {kinds: [definite]}}, {@code - monitor: "v.info n_errs_found"}.
 */
public sealed interface Action permits LeakCheckAction, BlockListAction, WhoPointsAtAction, MonitorAction, GdbAction,
        MallocTrimAction {

    /** The action's name in the plan: {@code leak_check}, {@code block_list}, ... */
    String name();
}
