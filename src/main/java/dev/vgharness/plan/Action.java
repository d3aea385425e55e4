package dev.vgharness.plan;

/**
 * One thing done at a breakpoint stop, in the order of the plan's {@code actions:} list, e.g.
 * {@code - leak_check}, {@code - block_list: {kinds: [definite]}}, {@code - monitor: "v.info n_errs_found"}.
 */
public sealed interface Action permits LeakCheckAction, BlockListAction, WhoPointsAtAction, MonitorAction, GdbAction,
        MallocTrimAction {

    /** The action's name in the plan: {@code leak_check}, {@code block_list}, ... */
    String name();

    /** Calls the visitor's method for this kind of action; a new kind of action is a compile error in every runner. */
    <X extends Exception, Y extends Exception> void accept(Visitor<X, Y> visitor) throws X, Y;

    /** One method per kind of action, so that whoever runs actions handles every kind. */
    interface Visitor<X extends Exception, Y extends Exception> {
        void leakCheck(LeakCheckAction action) throws X, Y;

        void blockList(BlockListAction action) throws X, Y;

        void whoPointsAt(WhoPointsAtAction action) throws X, Y;

        void monitor(MonitorAction action) throws X, Y;

        void gdb(GdbAction action) throws X, Y;

        void mallocTrim(MallocTrimAction action) throws X, Y;
    }
}
