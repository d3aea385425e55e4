package dev.vgharness.memcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the lines of one {@code who_points_at} answer into a {@link PointerSearch}: the "Searching" line, the
 * {@code *0x...} and register hits, the address-description lines (one leading space) with an optional
 * allocation stack, and the heuristic notes.
 */
final class PointerSearchBuilder {

    private final long address;
    private final long length;
    private final List<PointerOwner> pointers = new ArrayList<>();
    private final List<HeuristicReach> heuristics = new ArrayList<>();
    private PendingOwner owner;

    private PointerSearchBuilder(long address, long length) {
        this.address = address;
        this.length = length;
    }

    /** Starts a search from {@code Searching for pointers to 0x..} or {@code ... pointing in N bytes from 0x..}. */
    static PointerSearchBuilder start(String body) {
        TextScanner s = new TextScanner(body, 0);
        if (s.skip("Searching for pointers to ")) {
            long address = s.hexAddress();
            return address == TextScanner.NONE ? null : new PointerSearchBuilder(address, 1);
        }
        if (s.skip("Searching for pointers pointing in ")) {
            long length = s.number();
            if (length == TextScanner.NONE || !s.skip(" bytes from ")) {
                return null;
            }
            long address = s.hexAddress();
            return address == TextScanner.NONE ? null : new PointerSearchBuilder(address, length);
        }
        return null;
    }

    /** Takes one line of the answer; false when the line does not belong to it. */
    boolean accept(String body) {
        if (body.startsWith("*0x")) {
            return memoryHit(body);
        }
        if (body.startsWith("tid ")) {
            return registerHit(body);
        }
        if (body.startsWith("block at 0x")) {
            return heuristicNote(body);
        }
        if (owner != null && body.startsWith(" ")) {
            if (FrameLines.isFrame(body)) {
                StackFrame frame = FrameLines.parse(body);
                if (frame != null) {
                    owner.stack.add(frame);
                }
            } else {
                owner.description.add(body.substring(1));
            }
            return true;
        }
        return false;
    }

    PointerSearch build() {
        finishOwner();
        return new PointerSearch(address, length, pointers, heuristics);
    }

    private boolean memoryHit(String body) {
        TextScanner s = new TextScanner(body, 1);
        long where = s.hexAddress();
        if (where == TextScanner.NONE) {
            return false;
        }
        if (s.skip(" points at ")) {
            long target = s.hexAddress();
            return target != TextScanner.NONE && newOwner(where, null, null, target, 0, false);
        }
        if (s.skip(" interior points at ")) {
            long offset = s.number();
            if (offset == TextScanner.NONE || !s.skip(" bytes inside ")) {
                return false;
            }
            long target = s.hexAddress();
            return target != TextScanner.NONE && newOwner(where, null, null, target, offset, true);
        }
        return false;
    }

    private boolean registerHit(String body) {
        TextScanner s = new TextScanner(body, 4);
        long thread = s.number();
        if (thread == TextScanner.NONE || !s.skip(" register ")) {
            return false;
        }
        String register = s.until(' ');
        if (register == null) {
            return false;
        }
        if (s.skip(" pointing at ")) {
            long target = s.hexAddress();
            return target != TextScanner.NONE && newOwner(null, (int) thread, register, target, 0, false);
        }
        if (s.skip(" interior pointing ")) {
            long offset = s.number();
            if (offset == TextScanner.NONE || !s.skip(" bytes inside ")) {
                return false;
            }
            long target = s.hexAddress();
            return target != TextScanner.NONE && newOwner(null, (int) thread, register, target, offset, true);
        }
        return false;
    }

    private boolean heuristicNote(String body) {
        TextScanner s = new TextScanner(body, "block at ".length());
        long block = s.hexAddress();
        if (block == TextScanner.NONE || !s.skip(" considered reachable by ptr ")) {
            return false;
        }
        long pointer = s.hexAddress();
        if (pointer == TextScanner.NONE || !s.skip(" using ")) {
            return false;
        }
        String heuristic = s.until(' ');
        if (heuristic == null) {
            return false;
        }
        finishOwner();
        heuristics.add(new HeuristicReach(block, pointer, heuristic));
        return true;
    }

    private boolean newOwner(Long where, Integer thread, String register, long target, long offset, boolean interior) {
        finishOwner();
        owner = new PendingOwner(where, thread, register, target, offset, interior);
        return true;
    }

    private void finishOwner() {
        if (owner != null) {
            pointers.add(owner.build());
            owner = null;
        }
    }

    /** A hit whose description lines may still follow. */
    private static final class PendingOwner {
        final Long where;
        final Integer thread;
        final String register;
        final long target;
        final long offset;
        final boolean interior;
        final List<String> description = new ArrayList<>(2);
        final List<StackFrame> stack = new ArrayList<>();

        PendingOwner(Long where, Integer thread, String register, long target, long offset, boolean interior) {
            this.where = where;
            this.thread = thread;
            this.register = register;
            this.target = target;
            this.offset = offset;
            this.interior = interior;
        }

        PointerOwner build() {
            if (register != null) {
                return new PointerOwner(null, PointerLocation.REGISTER, target, offset, interior, thread, register,
                        null, null, null, List.of());
            }
            AddressDescription place = AddressDescription.of(description);
            return new PointerOwner(where, place.location(), target, offset, interior, place.thread(), null,
                    description.isEmpty() ? null : String.join("\n", description), place.blockOffset(),
                    place.blockSize(), stack);
        }
    }
}
