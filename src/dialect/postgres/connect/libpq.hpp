#pragma once
// libpq, loaded on first use (dlopen) rather than linked: commands on SQLite then do not pay for
// loading libpq and the ~20 libraries it pulls in (Kerberos, LDAP, GnuTLS), which costs ~5 ms at
// every process start on a small machine (docs/benchmarks.md, Status). Code calls
// `pq::PQexec(...)` etc. exactly like libpq's own functions; libpq-fe.h still gives the types.

#include <libpq-fe.h>

#include <utility>

namespace godwit::postgres::pq {

// Every libpq function godwit calls.
#define GODWIT_LIBPQ_FUNCTIONS(X) \
  X(PQbackendPID)                 \
  X(PQcancel)                     \
  X(PQclear)                      \
  X(PQconndefaults)               \
  X(PQconnectPoll)                \
  X(PQconnectStartParams)         \
  X(PQconnectdb)                  \
  X(PQconnectdbParams)            \
  X(PQconninfoFree)               \
  X(PQerrorMessage)               \
  X(PQescapeLiteral)              \
  X(PQexec)                       \
  X(PQexecParams)                 \
  X(PQexecPrepared)               \
  X(PQfinish)                     \
  X(PQfname)                      \
  X(PQfreeCancel)                 \
  X(PQfreemem)                    \
  X(PQgetCancel)                  \
  X(PQgetCopyData)                \
  X(PQgetResult)                  \
  X(PQgetisnull)                  \
  X(PQgetlength)                  \
  X(PQgetvalue)                   \
  X(PQnfields)                    \
  X(PQntuples)                    \
  X(PQprepare)                    \
  X(PQputCopyEnd)                 \
  X(PQresultErrorField)           \
  X(PQresultErrorMessage)         \
  X(PQresultStatus)               \
  X(PQsendQuery)                  \
  X(PQserverVersion)              \
  X(PQsetErrorVerbosity)          \
  X(PQsetNoticeReceiver)          \
  X(PQsocket)                     \
  X(PQstatus)                     \
  X(PQtransactionStatus)

struct Api {
#define GODWIT_LIBPQ_MEMBER(name) decltype(&::name) name = nullptr;
  GODWIT_LIBPQ_FUNCTIONS(GODWIT_LIBPQ_MEMBER)
#undef GODWIT_LIBPQ_MEMBER
};

/// The loaded library (libpq.so.5), loaded once. Errors: core::Error GW1304 when it cannot be
/// loaded or lacks a function.
const Api& api();

#define GODWIT_LIBPQ_WRAPPER(name)                  \
  template <typename... Args>                       \
  inline auto name(Args&&... args) {                \
    return api().name(std::forward<Args>(args)...); \
  }
GODWIT_LIBPQ_FUNCTIONS(GODWIT_LIBPQ_WRAPPER)
#undef GODWIT_LIBPQ_WRAPPER

}  // namespace godwit::postgres::pq
