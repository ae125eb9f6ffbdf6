#include "core/heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace godwit::core {
namespace {

constexpr std::uintptr_t kThreadHeapSize = std::uintptr_t{64} << 20;  // glibc's HEAP_MAX_SIZE
constexpr std::size_t kHugePage = std::size_t{2} << 20;
// Linux 6.1+; Debian 12's glibc headers predate it. Older kernels answer EINVAL: no harm.
#ifdef MADV_COLLAPSE
constexpr int kMadvCollapse = MADV_COLLAPSE;
#else
constexpr int kMadvCollapse = 25;
#endif

// AddressSanitizer's malloc is not glibc's: none of the layout below holds.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitizedHeap = true;
#else
constexpr bool kSanitizedHeap = false;
#endif

constexpr std::size_t kSizeWord = sizeof(std::size_t);
constexpr std::size_t kProbe = std::size_t{1} << 20;
constexpr std::size_t kMinPad = std::size_t{64} << 10;  // smaller gaps are not worth a block

std::uintptr_t begin_of_chunk(const void* block) {
  return reinterpret_cast<std::uintptr_t>(block) - 2 * kSizeWord;
}

// The block that fills the main heap up to its first huge page (kept: a global, so leak
// checkers see it as reachable).
void* below_first_huge_page = nullptr;

// Where the main arena starts (it ends at sbrk(0)): blocks in it are not in a thread heap.
std::uintptr_t main_heap_begin = 0;

}  // namespace

void prefer_huge_pages_for_heap() {
  if (kSanitizedHeap) return;
  constexpr int kHeapStep = 64 << 20;
  mallopt(M_TOP_PAD, kHeapStep);
  mallopt(M_TRIM_THRESHOLD, 2 * kHeapStep);  // free() keeps the heap rather than shrinking it
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  // A block larger than what is left of the start-up heap makes malloc grow it now, by the block
  // plus M_TOP_PAD; that whole range is then advised. Freed at once: it rejoins the free top.
  char* probe = static_cast<char*>(std::malloc(kProbe));
  if (probe == nullptr) return;
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(probe) + page - 1) & ~(page - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  main_heap_begin = reinterpret_cast<std::uintptr_t>(probe);
  std::free(probe);
  // The free top now begins at the probe's chunk, 16 bytes before it (glibc's chunk header).
  // Pages below the next 2 MiB boundary cannot be huge (that 2 MiB range begins before the
  // heap does); a block over them, kept for the run and never touched, makes malloc place what
  // follows on huge pages. Its size makes its chunk end exactly there.
  const std::uintptr_t top = begin_of_chunk(probe);
  const std::uintptr_t boundary = (top + kHugePage - 1) & ~(kHugePage - 1);
  if (boundary - top > kMinPad) below_first_huge_page = std::malloc(boundary - top - kSizeWord);
  // Growing the heap wrote the free top's header after the probe, before the advice: that one
  // small page keeps its 2 MiB range small unless collapsed now.
  const std::uintptr_t written = (top + kProbe) & ~(kHugePage - 1);
  if (written >= boundary && written + kHugePage <= end)
    madvise(reinterpret_cast<void*>(written), kHugePage, kMadvCollapse);
}

void prefer_huge_pages_for_thread_heap() {
  if (kSanitizedHeap) return;
  void* probe = std::malloc(64);
  if (probe == nullptr) return;
  const auto at = reinterpret_cast<std::uintptr_t>(probe);
  std::free(probe);
  const bool in_main_arena =
      at >= main_heap_begin && at < reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (in_main_arena) return;
  // A thread heap is created 64 MiB-aligned with its header first; M_TOP_PAD (above) makes
  // glibc map all 64 MiB readable at once, so the whole heap is advised.
  void* heap = reinterpret_cast<void*>(at & ~(kThreadHeapSize - 1));
  madvise(heap, kThreadHeapSize, MADV_HUGEPAGE);
  // Its first 2 MiB already has a small page (the heap's header, written when the thread first
  // called malloc), so faults there stay small: copy them into a huge page now.
  madvise(heap, kHugePage, kMadvCollapse);
}

}  // namespace godwit::core
