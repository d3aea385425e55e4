package dev.vgharness.memcheck;

import java.util.List;

/** The answer of one {@code block_list}: the records listed and any complaint ({@code invalid loss record nr}). */
public record BlockListResult(List<BlockList> blockLists, List<MonitorError> errors) {

    public BlockListResult {
        blockLists = List.copyOf(blockLists);
        errors = List.copyOf(errors);
    }
}
