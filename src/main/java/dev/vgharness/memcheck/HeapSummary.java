package dev.vgharness.memcheck;

/**
 * The HEAP SUMMARY block of a valgrind log.
 * <pre>
 * HEAP SUMMARY:
 *     in use at exit: 148 bytes in 4 blocks
 *   total heap usage: 5 allocs, 1 frees, 1,172 bytes allocated
 * </pre>
 */
public record HeapSummary(long inUseBytes, long inUseBlocks, long allocs, long frees, long bytesAllocated) {
}
