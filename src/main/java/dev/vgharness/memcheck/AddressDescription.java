package dev.vgharness.memcheck;

import java.util.List;

/**
 * What an address-description line says about a location (m_addrinfo.c):
 * {@code Address 0x1fff000600 is on thread 1's stack}, {@code Address 0x10c038 is 0 bytes inside data symbol "g"},
 * {@code Location 0x10c028 is 0 bytes inside global var "g_root"},
 * {@code Address 0x4a401d8 is 8 bytes inside a block of size 16 alloc'd}.
 */
record AddressDescription(PointerLocation location, Integer thread, Long blockOffset, Long blockSize) {

    private static final AddressDescription UNKNOWN = new AddressDescription(PointerLocation.OTHER, null, null, null);

    static AddressDescription of(List<String> lines) {
        return lines.isEmpty() ? UNKNOWN : of(lines.get(0));
    }

    static AddressDescription of(String line) {
        TextScanner s = new TextScanner(line, 0);
        if (!s.skip("Address ") && !s.skip("Location ")) {
            return UNKNOWN;
        }
        if (s.hexAddress() == TextScanner.NONE || !s.skip(" is ")) {
            return UNKNOWN;
        }
        if (s.skip("on thread ")) {
            long thread = s.number();
            return new AddressDescription(PointerLocation.STACK, thread == TextScanner.NONE ? null : (int) thread,
                    null, null);
        }
        if (s.skip("in the ")) {
            // "in the Data segment of OBJ", "in the BSS segment of OBJ": static storage
            boolean staticData = s.skip("Data segment") || s.skip("BSS segment");
            return new AddressDescription(staticData ? PointerLocation.GLOBAL : PointerLocation.OTHER, null, null, null);
        }
        long offset = s.number();
        if (offset == TextScanner.NONE || !s.skip(" bytes inside ")) {
            return UNKNOWN;
        }
        if (s.skip("a block of size ")) {
            long size = s.number();
            return new AddressDescription(PointerLocation.HEAP, null, offset, size == TextScanner.NONE ? null : size);
        }
        String rest = s.rest();
        boolean global = rest.startsWith("data symbol") || rest.startsWith("global var") || rest.startsWith("BSS");
        return new AddressDescription(global ? PointerLocation.GLOBAL : PointerLocation.OTHER, null, null, null);
    }
}
