package dev.vgharness.memcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The complaints in the answer of any monitor command: gdb answers {@code ^done} even to
 * {@code monitor leak_chek full}, so {@code command 'leak_chek full' not recognised} in the text is the only sign
 * that nothing was done.
 */
public final class MonitorComplaints {

    private MonitorComplaints() {
    }

    /** Every complaint line of the text, in order, prefix removed; empty when the command was accepted. */
    public static List<MonitorError> find(String text) {
        List<MonitorError> found = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String body = line.substring(LinePrefix.bodyStart(line)).strip();
            MonitorError complaint = MonitorErrors.classify(body);
            if (complaint != null) {
                found.add(complaint);
            }
        }
        return found;
    }
}
