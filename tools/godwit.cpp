// godwit: a thin command line over the library (src/cli).
#include "cli/main.hpp"

int main(int argc, char** argv) { return godwit::cli::run(argc, argv); }
