// PgConnection::canceller: what a Ctrl-C uses to stop the statement running on the server
// (db/interrupt.hpp). Without it, a statement waiting for a lock keeps waiting after godwit
// exits (the server notices a closed client only when it next talks to it), and every query
// queued behind that lock waits with it.
#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/connect/libpq.hpp"

namespace godwit::postgres {
namespace {

class PgCanceller final : public db::Canceller {
 public:
  explicit PgCanceller(PGcancel* cancel)
      : cancel_(cancel), send_(pq::api().PQcancel), free_(pq::api().PQfreeCancel) {}
  ~PgCanceller() override { free_(cancel_); }
  PgCanceller(const PgCanceller&) = delete;
  PgCanceller& operator=(const PgCanceller&) = delete;

  // libpq documents PQcancel as safe to call from a signal handler (it uses only the PGcancel,
  // a stack buffer and plain socket calls). The function pointer was loaded beforehand, so the
  // handler does not go through pq::api()'s one-time initialisation.
  void cancel() noexcept override {
    char error[256];
    (void)send_(cancel_, error, static_cast<int>(sizeof error));
  }

 private:
  PGcancel* cancel_;
  decltype(pq::Api::PQcancel) send_;
  decltype(pq::Api::PQfreeCancel) free_;
};

}  // namespace

std::unique_ptr<db::Canceller> PgConnection::canceller() {
  PGcancel* cancel = pq::PQgetCancel(conn_.get());
  if (cancel == nullptr) return nullptr;
  return std::make_unique<PgCanceller>(cancel);
}

}  // namespace godwit::postgres
