package dev.vgharness.run;

import dev.vgharness.result.LostAt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far the second run got with one loss record: how often its allocation ran (through its callers), where its
 * blocks were lost, and why it stopped being followed when it did before all were found.
 */
final class SiteProgress {

    private final AllocationSite site;
    private final String breakpoint;
    private final List<LostAt> lost = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int hits;
    private int steps;
    private final int budget;
    private String gaveUp;

    /** @param budget how many pointer searches the record's blocks may take in all */
    SiteProgress(AllocationSite site, String breakpoint, int budget) {
        this.site = site;
        this.breakpoint = breakpoint;
        this.budget = budget;
    }

    AllocationSite site() {
        return site;
    }

    String breakpoint() {
        return breakpoint;
    }

    void hit() {
        hits++;
    }

    /** Counts one search; false when the budget is spent. */
    boolean spend() {
        return ++steps <= budget;
    }

    void lost(LostAt at) {
        lost.add(at);
    }

    void giveUp(String why) {
        if (gaveUp == null && !done()) {
            gaveUp = why;
        }
    }

    void note(String note) {
        notes.add(note);
    }

    /**
     * A block allocated here was seen lost (the record's answer: its other blocks need not be followed), or following
     * stopped.
     */
    boolean done() {
        return !lost.isEmpty() || gaveUp != null;
    }

    /** Where the first of the record's blocks seen lost was lost. */
    Optional<LostAt> lostAt() {
        return lost.stream().findFirst();
    }

    /** Why no block of the record was seen lost, or empty when one was (then any notes). */
    Optional<String> unknown() {
        long expected = site.record().blocks();
        String at = "the allocation at " + site.label();
        if (!lost.isEmpty()) {
            return notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes));
        }
        String seen = lost.size() + " of its " + expected + " blocks were seen lost";
        if (gaveUp != null) {
            return Optional.of(gaveUp + ": " + seen + " (" + at + " ran " + hits + " times)");
        }
        if (hits < expected) {
            return Optional.of(at + " ran " + hits + " times in the second run, fewer than the " + expected
                    + " blocks lost in the first: the program took another path; " + seen);
        }
        return Optional.of("the program took another path in the second run: " + at + " ran " + hits
                + " times, and " + seen);
    }
}
