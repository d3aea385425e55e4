package dev.vgharness.report;

import dev.vgharness.result.LossRecordResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code find_lost} answer of a loss record as a line of text:
 * {@code lost at session_close (lost.c:22): c->buf overwritten}, or why it is not known.
 */
public final class LostAtText {

    private LostAtText() {
    }

    /** The line for a record, or null when nobody followed it. */
    public static String line(LossRecordResult r) {
        if (r.lostAt() != null) {
            return r.lostAt().sentence();
        }
        return r.lostAtUnknown() == null ? null : "lost where unknown: " + r.lostAtUnknown();
    }

    /** {@code record 4 (100 B): lost at ...}, one per followed record. */
    public static List<String> lines(List<LossRecordResult> records) {
        List<String> lines = new ArrayList<>();
        for (LossRecordResult r : records) {
            String line = line(r);
            if (line != null) {
                lines.add("record " + r.record().number() + " (" + r.record().bytes() + " B): " + line);
            }
        }
        return lines;
    }
}
