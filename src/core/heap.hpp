#pragma once
// The process heap, tuned for godwit's short runs.

namespace godwit::core {

/// Asks glibc's malloc to take its first 64 MiB of heap in one step (M_TOP_PAD), to serve blocks
/// up to 32 MiB from that heap rather than from their own mappings, and asks the kernel to back
/// the heap with transparent huge pages (madvise MADV_HUGEPAGE; honoured where
/// /sys/kernel/mm/transparent_hugepage/enabled is `always` or `madvise`).
///
/// Why: a run of godwit allocates its schema, catalog and statements in many small blocks and
/// lives well under a second, so first touches of fresh 4 KiB pages are a large part of its time;
/// each is a page fault, and on a virtual machine a costly one. Validating a 500-model schema
/// touched ~3,300 pages (62 ms); with 2 MiB pages, ~850 (29 ms). glibc's own switch for this
/// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1) is read only when a process starts.
///
/// The heap's first 2 MiB-aligned range begins below it and can never be a huge page: a block
/// over the rest of it (up to 2 MiB of address space, never touched) is kept for the run, so
/// that what follows starts on a huge page; the one range malloc touched while growing the heap
/// (before the advice) is collapsed into a huge page (MADV_COLLAPSE, Linux 6.1+; older kernels
/// refuse and that range stays small).
///
/// Call first thing in main(), before threads exist; only the main thread's heap is affected.
/// Costs at most the 2 MiB pages the run touches. Never fails: where sbrk or madvise refuse,
/// the heap stays as it was. Does nothing under AddressSanitizer (its malloc is not glibc's).
void prefer_huge_pages_for_heap();

/// The same for the calling worker thread's own malloc arena: glibc gives a thread (up to 8 per
/// core) a heap of its own, a 64 MiB-aligned 64 MiB mapping, which the M_TOP_PAD above makes it
/// map readable whole; this advises that mapping for huge pages and collapses its first 2 MiB,
/// which the heap's header already put a small page in.
///
/// Why: `migrate lint` parses a corpus on worker threads, and `migrate diff` validates a Prisma
/// schema on one while it reads the database; their arenas' first touches cost ~20 ms of a
/// ~90 ms lint of the corpus, the same effect as above. Relies on glibc's arena layout
/// (HEAP_MAX_SIZE = 64 MiB on 64-bit, malloc/arena.c); a thread served by the main arena is
/// left alone (already advised). Call at the start of a worker thread, after
/// prefer_huge_pages_for_heap(). Never fails.
void prefer_huge_pages_for_thread_heap();

}  // namespace godwit::core
