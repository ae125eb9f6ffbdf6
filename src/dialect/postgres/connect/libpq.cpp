#include "dialect/postgres/connect/libpq.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <mutex>
#include <string>

#include "core/error.hpp"

namespace godwit::postgres::pq {
namespace {

Api load() {
  void* lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
  if (lib == nullptr) {
    const char* why = dlerror();
    throw core::Error("GW1304",
                      fmt::format("The PostgreSQL client library (libpq.so.5) could not be "
                                  "loaded: {}",
                                  why ? why : "unknown error"),
                      "Install it (Debian: apt-get install libpq5).");
  }
  Api api;
#define GODWIT_LIBPQ_LOAD(name)                                                                  \
  api.name = reinterpret_cast<decltype(api.name)>(dlsym(lib, #name));                            \
  if (api.name == nullptr) {                                                                     \
    throw core::Error(                                                                           \
        "GW1304", "The PostgreSQL client library (libpq.so.5) has no " #name ": it is too old.", \
        "Install libpq 14 or newer.");                                                           \
  }
  GODWIT_LIBPQ_FUNCTIONS(GODWIT_LIBPQ_LOAD)
#undef GODWIT_LIBPQ_LOAD
  return api;  // the library stays loaded for the life of the process
}

}  // namespace

const Api& api() {
  static const Api loaded = load();
  return loaded;
}

}  // namespace godwit::postgres::pq
