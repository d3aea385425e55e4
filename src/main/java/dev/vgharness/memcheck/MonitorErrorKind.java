package dev.vgharness.memcheck;

/** What a monitor command (leak_check, block_list, who_points_at, the core {@code v.} commands) complained about. */
public enum MonitorErrorKind {
    /** {@code command 'frobnicate' not recognised}. */
    UNKNOWN_COMMAND,
    /** {@code x can match xb xtmemory}. */
    AMBIGUOUS_COMMAND,
    /** {@code bogus does not match any of '...'}: the command did nothing. */
    UNKNOWN_KEYWORD,
    /** {@code missing or malformed leak kinds set} / {@code ... heuristics set}. */
    BAD_SET,
    /** {@code max_loss_records_output must be >= 1, got 0}: the command still ran with the default. */
    BAD_LIMIT,
    /** {@code missing integer value}, {@code malformed integer value}, {@code malformed integer, expecting hex ...}. */
    BAD_INTEGER,
    /** {@code invalid integer or slice}, {@code expecting slice}, {@code cannot be bigger than}. */
    BAD_SLICE,
    /** {@code invalid loss record nr}. */
    INVALID_LOSS_RECORD,
    /** {@code Can't print block list : no valid leak search result}. */
    NO_LEAK_SEARCH,
    /** {@code Can't print obsolete block list : redo a leak search first}. */
    OBSOLETE_LEAK_SEARCH,
    /** {@code missing or malformed address}. */
    BAD_ADDRESS,
    /** {@code Cannot search who points at 0x0}. */
    CANNOT_SEARCH,
    /** {@code error: no loss record found for 0x...}: valgrind's own inconsistency. */
    INTERNAL
}
