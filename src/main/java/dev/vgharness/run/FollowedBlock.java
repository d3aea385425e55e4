package dev.vgharness.run;

import dev.vgharness.memcheck.PointerLocation;
import dev.vgharness.memcheck.PointerOwner;
import dev.vgharness.result.LostAt;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One block the second run follows: where its pointers are now and, once none is left in memory, where it went
 * ({@link #candidate}) while registers may still carry it somewhere. The tracer's working state, changed as it goes.
 */
final class FollowedBlock {
    final SiteProgress site;
    final long address;
    /** How many bytes from {@link #address} a pointer may point into: the block, or 1 for start pointers only. */
    final long length;
    final Map<Long, Holder> holders = new LinkedHashMap<>();
    LostAt candidate;
    int settleLines;
    /** The stack pointer when the last pointer in memory went: slots below it held only stale copies then. */
    long settleSp;

    FollowedBlock(SiteProgress site, long address, long length) {
        this.site = site;
        this.address = address;
        this.length = length;
    }

    /**
     * Whether a pointer found while settling is a stale copy: a stack slot below where the stack ended when the
     * block's last pointer went is a frame called since, whose uninitialised slots still hold old values.
     */
    boolean stale(PointerOwner p) {
        return p.kind() == PointerLocation.STACK && Long.compareUnsigned(p.address(), settleSp) < 0;
    }

    /** The name of the holder that the event took away, else of any holder it had. */
    String vanishedName(LossEvent event) {
        if (event != null) {
            for (Holder h : holders.values()) {
                String name = event.names().get(h.slot());
                if (name != null) {
                    return name;
                }
            }
        }
        return holders.values().stream().findFirst().map(Holder::heldBy).orElse("a pointer not seen");
    }
}
