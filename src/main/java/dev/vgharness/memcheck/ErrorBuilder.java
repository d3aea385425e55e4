package dev.vgharness.memcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects one error of a text log: the "what" line, its stack, then auxiliary lines (one leading space, such as
 * {@code  Address 0x.. is 0 bytes after a block of size 16 alloc'd} or {@code  Block was alloc'd at}), each with
 * the stack that follows it, and the generated suppression when there is one.
 */
final class ErrorBuilder {

    private final String what;
    private final long count;
    private final List<StackFrame> stack = new ArrayList<>();
    private final List<String> auxTexts = new ArrayList<>(2);
    private final List<List<StackFrame>> auxStacks = new ArrayList<>(2);
    private String suppression;

    ErrorBuilder(String what, long count) {
        this.what = what;
        this.count = count;
    }

    /** The list the next frame line belongs to. */
    List<StackFrame> frameTarget() {
        return auxStacks.isEmpty() ? stack : auxStacks.get(auxStacks.size() - 1);
    }

    void auxiliary(String text) {
        auxTexts.add(text);
        auxStacks.add(new ArrayList<>());
    }

    void suppression(String text) {
        suppression = text;
    }

    MemcheckError build() {
        List<ErrorNote> notes = new ArrayList<>();
        for (int i = 1; i < auxTexts.size(); i++) {
            notes.add(new ErrorNote(auxTexts.get(i), auxStacks.get(i)));
        }
        String auxiliary = auxTexts.isEmpty() ? null : auxTexts.get(0);
        List<StackFrame> auxiliaryStack = auxStacks.isEmpty() ? List.of() : auxStacks.get(0);
        return new MemcheckError(ErrorKinds.of(what), what, count, stack, auxiliary, auxiliaryStack, notes,
                suppression, null, null);
    }
}
