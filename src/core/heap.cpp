#include "core/heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace godwit::core {

void prefer_huge_pages_for_heap() {
  constexpr int kHeapStep = 64 << 20;
  mallopt(M_TOP_PAD, kHeapStep);
  mallopt(M_TRIM_THRESHOLD, 2 * kHeapStep);  // free() keeps the heap rather than shrinking it
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  // A block larger than what is left of the start-up heap makes malloc grow it now, by the block
  // plus M_TOP_PAD; that whole range is then advised. Freed at once: it rejoins the free top.
  char* probe = static_cast<char*>(std::malloc(1 << 20));
  if (probe == nullptr) return;
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(probe) + page - 1) & ~(page - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  std::free(probe);
}

}  // namespace godwit::core
