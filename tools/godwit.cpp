// godwit: a thin command line over the library (src/cli).
#include "cli/main.hpp"
#include "core/heap.hpp"

int main(int argc, char** argv) {
  godwit::core::prefer_huge_pages_for_heap();
  return godwit::cli::run(argc, argv);
}
