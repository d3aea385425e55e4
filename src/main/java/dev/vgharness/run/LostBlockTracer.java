package dev.vgharness.run;

import dev.vgharness.memcheck.PointerLocation;
import dev.vgharness.memcheck.PointerOwner;
import dev.vgharness.memcheck.PointerSearch;
import dev.vgharness.memcheck.WhoPointsAtParser;
import dev.vgharness.mi.MiRecord;
import dev.vgharness.result.LostAt;
import dev.vgharness.result.LostHow;
import dev.vgharness.vgdb.GdbBreakpoint;
import dev.vgharness.vgdb.GdbCommands;
import dev.vgharness.vgdb.GdbFrame;
import dev.vgharness.vgdb.MiSession;
import dev.vgharness.vgdb.MiSessionException;
import dev.vgharness.vgdb.StopEvent;
import dev.vgharness.vgdb.TraceCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the blocks of loss records through a program stopped under {@code --vgdb=full}, from their allocation to
 * the moment the last pointer to each disappears. Every block allocated at a record's site (through the record's
 * callers) is followed: {@code who_points_at} says where its pointers are; each is watched ({@link TraceTraps}); at
 * each stop that may have removed one, the search is asked again. When no pointer is left outside registers, that
 * stop is where the block was lost; a block freed on the way was not one of the lost ones. A pointer that lives only
 * in registers is in transit (a return value on its way to a variable): the program is stepped a few lines before
 * the block is called lost, at the stop where its last pointer in memory went.
 */
final class LostBlockTracer {

    /** Lines stepped while a block's pointer is only in registers before it counts as lost. */
    private static final int SETTLE_LINES = 3;

    private final MiSession gdb;
    private final Duration commandTimeout;
    private final long deadline;
    private final int stepBudget;
    private final TraceTraps traps;
    private final HolderNamer namer;
    private final Map<String, List<SiteProgress>> sites = new LinkedHashMap<>();
    private final List<SiteProgress> progress = new ArrayList<>();
    private final List<FollowedBlock> blocks = new ArrayList<>();
    private boolean freesSeen = true;

    LostBlockTracer(MiSession gdb, Duration commandTimeout, long deadline, int stepBudget) {
        this.gdb = gdb;
        this.commandTimeout = commandTimeout;
        this.deadline = deadline;
        this.stepBudget = stepBudget;
        this.traps = new TraceTraps(gdb);
        this.namer = new HolderNamer(gdb);
    }

    /** Follows the sites' blocks until each record's blocks are lost, the program ends or time is up. */
    List<SiteProgress> follow(List<AllocationSite> toFollow) throws MiSessionException {
        stopAtAllocations(toFollow);
        while (progress.stream().anyMatch(s -> !s.done())) {
            boolean settling = blocks.stream().anyMatch(b -> b.candidate != null);
            gdb.send(settling ? "-exec-next" : "-exec-continue");
            Optional<MiRecord.Async> stopped = awaitStop();
            if (stopped.isEmpty()) {
                progress.forEach(s -> s.giveUp("the case timeout ended the second run"));
                break;
            }
            StopEvent stop = StopEvent.of(stopped.get());
            if (stop.isExit()) {
                // A pointer still only in registers when the program ends was never stored again.
                for (FollowedBlock b : List.copyOf(blocks)) {
                    if (b.candidate != null) {
                        b.site.lost(b.candidate);
                    } else {
                        b.site.giveUp("the program ended with its blocks still pointed at from "
                                + b.holders.values().stream().findFirst().map(Holder::heldBy).orElse("memory") + " (lost with a block that holds"
                                + " them, as in a cycle: a whole lost structure is not followed)");
                    }
                }
                break;
            }
            settle(onStop(stop, stopped.get()), Math.max(1, stop.threadId()));
        }
        List<SiteProgress> all = List.copyOf(progress);
        if (!freesSeen) {
            all.forEach(s -> s.note("valgrind's free was not found: a block freed while holding a pointer was not seen"));
        }
        return all;
    }

    /** One breakpoint per allocating instruction: records allocated by one line through other callers share it. */
    private void stopAtAllocations(List<AllocationSite> toFollow) throws MiSessionException {
        Map<Long, GdbBreakpoint> inserted = new HashMap<>();
        for (AllocationSite site : toFollow) {
            GdbBreakpoint bp = inserted.get(site.returnAddress());
            if (bp == null) {
                bp = GdbCommands.breakInsert(gdb, "*" + TraceCommands.hex(site.returnAddress()), Optional.empty(), 0);
                inserted.put(site.returnAddress(), bp);
            }
            SiteProgress p = new SiteProgress(site, bp.number(), stepBudget);
            sites.computeIfAbsent(bp.number(), n -> new ArrayList<>()).add(p);
            progress.add(p);
            movedCode(site, bp).ifPresent(p::giveUp);
        }
    }

    /**
     * Why the record's allocating code is not where the first run had it, if it is not: the breakpoint lands in
     * another function (valgrind placed the code elsewhere this time). Code not loaded yet names no function: it is
     * trusted.
     */
    static Optional<String> movedCode(AllocationSite site, GdbBreakpoint bp) {
        String expected = AllocationSite.bareName(site.record().stack().get(1).function());
        List<String> found = bp.locations().stream().map(GdbFrame::function).filter(f -> !f.equals("??"))
                .map(AllocationSite::bareName).toList();
        // Valgrind may print a template function with its return type (void std::...::_M_construct<char*>), gdb not.
        if (expected.isEmpty() || found.isEmpty()
                || found.stream().anyMatch(f -> f.endsWith(expected) || expected.endsWith(f))) {
            return Optional.empty();
        }
        return Optional.of("the second run has other code at the allocation's address ("
                + TraceCommands.hex(site.returnAddress()) + " is in " + found.get(0) + ", not " + expected
                + "): valgrind placed the program elsewhere, so its blocks cannot be followed");
    }

    private Optional<MiRecord.Async> awaitStop() throws MiSessionException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(gdb.awaitEvent(e -> e.kind() == MiRecord.AsyncKind.EXEC
                    && e.asyncClass().equals("stopped"), Duration.ofNanos(left)));
        } catch (MiSessionException.Timeout e) {
            return Optional.empty();
        }
    }

    /** Acts on one stop; returns the blocks whose pointers were searched for. */
    private Set<FollowedBlock> onStop(StopEvent stop, MiRecord.Async raw) throws MiSessionException {
        int thread = Math.max(1, stop.threadId());
        Optional<String> watch = TraceCommands.watchpointOf(raw);
        if (watch.isPresent()) {
            return onWatch(watch.get(), thread);
        }
        if (!stop.isBreakpointHit()) {
            return Set.of();
        }
        List<SiteProgress> atSite = sites.get(Integer.toString(stop.breakpoint()));
        if (atSite != null) {
            return onAllocation(atSite, thread);
        }
        if (traps.isReturn(stop.breakpoint())) {
            return onReturn(thread);
        }
        if (traps.isRelease(stop.breakpoint())) {
            return onRelease(thread);
        }
        return Set.of();
    }

    private Set<FollowedBlock> onAllocation(List<SiteProgress> atSite, int thread) throws MiSessionException {
        List<GdbFrame> stack = GdbCommands.stack(gdb);
        Optional<SiteProgress> calling = atSite.stream().filter(p -> !p.done() && p.site().calledFrom(stack))
                .findFirst();
        if (calling.isEmpty()) {
            return Set.of();
        }
        SiteProgress site = calling.get();
        site.hit();
        long address = TraceCommands.addressIn(TraceCommands.evaluate(gdb, thread, 0, "(void *) $rax"))
                .orElseThrow(() -> new MiSessionException("gdb gave no address for the allocator's return value"));
        long length = site.site().wholeBlock() ? blockSize(address) : 1;
        FollowedBlock block = new FollowedBlock(site, address, length);
        blocks.add(block);
        // The new block's pointer is in a register until the caller stores it: that is where it is lost if never.
        block.candidate = LossEvent.at(LostHow.OVERWRITTEN, stack, 0).lostAt("the allocator's return value, never stored");
        block.settleLines = 0;
        block.settleSp = stackPointer(thread);
        ask(block, null, thread);
        return Set.of(block);
    }

    private Set<FollowedBlock> onWatch(String number, int thread) throws MiSessionException {
        Optional<Long> slot = traps.watchedSlot(number);
        if (slot.isEmpty()) {
            return Set.of();
        }
        List<GdbFrame> stack = writingLine(GdbCommands.stack(gdb));
        LossEvent event = LossEvent.at(LostHow.OVERWRITTEN, stack, 0);
        Set<FollowedBlock> affected = new LinkedHashSet<>();
        for (FollowedBlock b : List.copyOf(blocks)) {
            Holder h = b.holders.get(slot.get());
            if (h != null) {
                event.names().put(h.slot(), namer.field(thread, 0, h).orElse(h.heldBy()));
                affected.add(b);
            }
        }
        for (FollowedBlock b : affected) {
            ask(b, event, thread);
        }
        return affected;
    }

    /**
     * The stack with the innermost frame at the line of the instruction that wrote: a watchpoint stops after it,
     * which is the next line when the write ends its line. {@code info line *0x109136} answers
     * {@code Line 22 of "lost.c" starts at address 0x10912e <session_close+8> and ends at 0x109139 ...}.
     */
    private List<GdbFrame> writingLine(List<GdbFrame> stack) throws MiSessionException {
        if (stack.isEmpty() || stack.get(0).address() == 0) {
            return stack;
        }
        GdbFrame top = stack.get(0);
        String text = gdb.console("info line *" + TraceCommands.hex(top.address() - 1), commandTimeout);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Line (\\d+) of \"").matcher(text);
        if (!m.find()) {
            return stack;
        }
        List<GdbFrame> fixed = new ArrayList<>(stack);
        fixed.set(0, new GdbFrame(top.level(), top.address(), top.function(), top.file(), top.fullname(),
                Optional.of(Integer.parseInt(m.group(1))), top.library()));
        return fixed;
    }

    /** At a return instruction of a frame holding a stack slot: the frame's line, then one step out of it. */
    private Set<FollowedBlock> onReturn(int thread) throws MiSessionException {
        LossEvent event = LossEvent.at(LostHow.OUT_OF_SCOPE, GdbCommands.stack(gdb), 0);
        TraceCommands.stepInstruction(gdb, commandTimeout);
        long sp = stackPointer(thread);
        Set<FollowedBlock> affected = new LinkedHashSet<>();
        for (FollowedBlock b : List.copyOf(blocks)) {
            for (Holder h : b.holders.values()) {
                if (h.kind() == PointerLocation.STACK && h.thread() == thread && Long.compareUnsigned(h.slot(), sp) < 0) {
                    event.names().putIfAbsent(h.slot(), h.heldBy());
                    affected.add(b);
                }
            }
        }
        for (FollowedBlock b : affected) {
            ask(b, event, thread);
        }
        return affected;
    }

    /** In valgrind's free of a followed block (it was not lost) or of a block holding pointers to some. */
    private Set<FollowedBlock> onRelease(int thread) throws MiSessionException {
        long freed = TraceCommands.addressIn(TraceCommands.evaluate(gdb, thread, 0, "(void *) $rdi")).orElse(0L);
        for (FollowedBlock b : List.copyOf(blocks)) {
            if (b.address == freed) {
                drop(b);
            }
        }
        List<GdbFrame> stack = GdbCommands.stack(gdb);
        LossEvent event = LossEvent.at(LostHow.CONTAINER_FREED, stack, Math.min(1, stack.size() - 1));
        Set<FollowedBlock> affected = new LinkedHashSet<>();
        for (FollowedBlock b : blocks) {
            for (Holder h : b.holders.values()) {
                if (h.container() != null && h.container() == freed) {
                    event.names().putIfAbsent(h.slot(), namer.field(thread, 1, h).orElse(h.heldBy()));
                    affected.add(b);
                }
            }
        }
        if (affected.isEmpty()) {
            return Set.of();
        }
        TraceCommands.finish(gdb, commandTimeout);
        for (FollowedBlock b : affected) {
            ask(b, event, thread);
        }
        return affected;
    }

    /** Asks again for the blocks whose pointer is only in registers and that this stop did not ask for. */
    private void settle(Set<FollowedBlock> asked, int thread) throws MiSessionException {
        for (FollowedBlock b : List.copyOf(blocks)) {
            if (b.candidate != null && !asked.contains(b) && blocks.contains(b)) {
                b.settleLines++;
                ask(b, null, thread);
            }
        }
        Set<Long> watchedFrees = new LinkedHashSet<>();
        for (FollowedBlock b : blocks) {
            watchedFrees.add(b.address);
            b.holders.values().stream().map(Holder::container).filter(c -> c != null).forEach(watchedFrees::add);
        }
        freesSeen &= traps.stopAtFreeOf(watchedFrees);
    }

    /**
     * Searches for the block's pointers after {@code event} (null: a step). Pointers in memory: they are its holders
     * now. None: lost at the event, unless registers still hold it, which gets a few lines to store it somewhere.
     */
    private void ask(FollowedBlock b, LossEvent event, int thread) throws MiSessionException {
        if (!b.site.spend()) {
            b.site.giveUp("its step budget (" + stepBudget + " pointer searches) ran out");
            dropSite(b.site);
            return;
        }
        String text = gdb.monitor("who_points_at " + TraceCommands.hex(b.address) + " " + b.length, commandTimeout);
        PointerSearch search = WhoPointsAtParser.parse(text).search();
        if (search == null) {
            b.site.giveUp("valgrind did not search for pointers (" + text.strip() + ")");
            dropSite(b.site);
            return;
        }
        List<PointerOwner> memory = search.pointers().stream()
                .filter(LostNames::holds)
                .filter(p -> Long.compareUnsigned(p.address() - b.address, b.length) >= 0)
                .filter(p -> b.candidate == null || !b.stale(p))
                .toList();
        Map<Integer, List<GdbFrame>> stacks = new HashMap<>();
        List<PointerOwner> own = new ArrayList<>();
        for (PointerOwner p : memory) {
            // A local of library code (std::unique_ptr::release's __p) is a pointer in transit, like a register.
            if (p.kind() != PointerLocation.STACK || ownFrame(p, stacks, thread)) {
                own.add(p);
            }
        }
        boolean inRegisters = own.size() < memory.size()
                || search.pointers().stream().anyMatch(p -> p.kind() == PointerLocation.REGISTER);
        if (!own.isEmpty()) {
            anchor(b, own, stacks, thread);
            return;
        }
        if (b.candidate == null) {
            b.candidate = (event == null ? LossEvent.at(LostHow.OVERWRITTEN, GdbCommands.stack(gdb), 0) : event)
                    .lostAt(b.vanishedName(event));
            b.settleLines = 0;
            b.settleSp = stackPointer(thread);
            unholdAll(b);
        }
        if (!inRegisters || b.settleLines >= SETTLE_LINES) {
            lost(b);
        }
    }

    /** Whether a stack pointer is in a frame of the program's own code; {@code stacks} caches each thread's stack. */
    private boolean ownFrame(PointerOwner p, Map<Integer, List<GdbFrame>> stacks, int thread)
            throws MiSessionException {
        List<GdbFrame> stack = stackOf(stacks, p, thread);
        int frame = LostNames.frame(p).orElse(0);
        return frame >= stack.size() || LostNames.ownCode(stack.get(frame));
    }

    private List<GdbFrame> stackOf(Map<Integer, List<GdbFrame>> stacks, PointerOwner p, int thread)
            throws MiSessionException {
        int t = p.thread() == null ? thread : p.thread();
        List<GdbFrame> stack = stacks.get(t);
        if (stack == null) {
            stack = stackOf(t);
            stacks.put(t, stack);
        }
        return stack;
    }

    private void anchor(FollowedBlock b, List<PointerOwner> memory, Map<Integer, List<GdbFrame>> stacks, int thread)
            throws MiSessionException {
        b.candidate = null;
        Map<Long, PointerOwner> now = new LinkedHashMap<>();
        memory.forEach(p -> now.put(p.address(), p));
        for (Holder old : List.copyOf(b.holders.values())) {
            if (!now.containsKey(old.slot())) {
                b.holders.remove(old.slot());
                traps.unhold(old);
            }
        }
        for (PointerOwner p : now.values()) {
            if (b.holders.containsKey(p.address())) {
                continue;
            }
            List<GdbFrame> stack = p.kind() == PointerLocation.STACK ? stackOf(stacks, p, thread) : List.of();
            Holder h = namer.holder(p, stack);
            long framePc = h.frame() < stack.size() ? stack.get(h.frame()).address() : 0;
            b.holders.put(h.slot(), h);
            traps.hold(h, framePc);
        }
    }

    private long stackPointer(int thread) throws MiSessionException {
        return TraceCommands.addressIn(TraceCommands.evaluate(gdb, thread, 0, "(void *) $sp")).orElse(0L);
    }

    private List<GdbFrame> stackOf(int thread) throws MiSessionException {
        List<GdbFrame> frames = new ArrayList<>();
        for (var frame : gdb.send("-stack-list-frames --thread " + thread).result().list("stack").all("frame")) {
            frames.add(GdbFrame.of((dev.vgharness.mi.MiTuple) frame));
        }
        return frames;
    }

    private void lost(FollowedBlock b) throws MiSessionException {
        b.site.lost(b.candidate);
        drop(b);
        if (b.site.done()) {
            dropSite(b.site);
        }
    }

    private void drop(FollowedBlock b) throws MiSessionException {
        unholdAll(b);
        blocks.remove(b);
    }

    private void unholdAll(FollowedBlock b) throws MiSessionException {
        for (Holder h : b.holders.values()) {
            traps.unhold(h);
        }
        b.holders.clear();
    }

    /** Stops following a site: its breakpoint and its blocks go. */
    private void dropSite(SiteProgress site) throws MiSessionException {
        for (FollowedBlock b : List.copyOf(blocks)) {
            if (b.site == site) {
                drop(b);
            }
        }
        List<SiteProgress> atSite = sites.get(site.breakpoint());
        if (atSite != null && atSite.stream().allMatch(SiteProgress::done)) {
            sites.remove(site.breakpoint());
            GdbCommands.breakDelete(gdb, site.breakpoint());
        }
    }

    /** The size of a live block: {@code check_memory addressable} describes the block an address is in. */
    private long blockSize(long address) throws MiSessionException {
        String text = gdb.monitor("check_memory addressable " + TraceCommands.hex(address) + " 1", commandTimeout);
        var m = java.util.regex.Pattern.compile("a block of size (\\d+) alloc'd").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 1;
    }
}
