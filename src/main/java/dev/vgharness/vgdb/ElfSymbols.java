package dev.vgharness.vgdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the functions an ELF file defines ({@code .symtab} and {@code .dynsym}), read straight from the file
 * for "did you mean" on a breakpoint location no code defined. Best effort by design: a file that is missing, too
 * large or not a readable ELF object gives no names, and the message simply has no suggestion.
 */
public final class ElfSymbols {

    private static final long MAX_BYTES = 512L << 20;
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_DYNSYM = 11;
    private static final int STT_FUNC = 2;
    private static final int STT_GNU_IFUNC = 10;

    private final ByteBuffer elf;
    private final boolean wide;

    private ElfSymbols(ByteBuffer elf) {
        this.elf = elf;
        this.wide = elf.get(4) == 2;
        elf.order(elf.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    /** The defined function names of the file, sorted; empty when it cannot be read as ELF. */
    public static Set<String> functions(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < 64 || channel.size() > MAX_BYTES) {
                return Set.of();
            }
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            if (bytes.getInt(0) != 0x7F454C46 || bytes.get(4) < 1 || bytes.get(4) > 2) {
                return Set.of();
            }
            return new ElfSymbols(bytes).functions();
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    private Set<String> functions() {
        Set<String> names = new TreeSet<>();
        long sectionTable = wide ? elf.getLong(0x28) : Integer.toUnsignedLong(elf.getInt(0x20));
        int entrySize = Short.toUnsignedInt(elf.getShort(wide ? 0x3A : 0x2E));
        int count = Short.toUnsignedInt(elf.getShort(wide ? 0x3C : 0x30));
        for (int i = 0; i < count; i++) {
            int header = Math.toIntExact(sectionTable + (long) i * entrySize);
            int type = elf.getInt(header + 4);
            if (type == SHT_SYMTAB || type == SHT_DYNSYM) {
                int link = elf.getInt(header + (wide ? 0x28 : 0x18));
                int strings = Math.toIntExact(sectionTable + (long) link * entrySize);
                addFunctions(names, header, offset(strings));
            }
        }
        return names;
    }

    private void addFunctions(Set<String> names, int header, int strings) {
        int start = offset(header);
        long size = wide ? elf.getLong(header + 0x20) : Integer.toUnsignedLong(elf.getInt(header + 0x14));
        int symbolSize = wide ? 24 : 16;
        for (long at = start; at + symbolSize <= start + size; at += symbolSize) {
            int symbol = Math.toIntExact(at);
            int info = Byte.toUnsignedInt(elf.get(symbol + (wide ? 4 : 12)));
            int section = Short.toUnsignedInt(elf.getShort(symbol + (wide ? 6 : 14)));
            int kind = info & 0xF;
            if ((kind == STT_FUNC || kind == STT_GNU_IFUNC) && section != 0) {
                String name = name(strings + elf.getInt(symbol));
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
    }

    /** A section's offset in the file, from its header. */
    private int offset(int header) {
        return Math.toIntExact(wide ? elf.getLong(header + 0x18) : Integer.toUnsignedLong(elf.getInt(header + 0x10)));
    }

    private String name(int at) {
        int end = at;
        while (elf.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - at];
        elf.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
