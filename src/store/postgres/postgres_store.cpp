// PostgresStore: connects, migrates the schema, and lends pooled connections to
// transactions (postgres_store.hpp).
#include "ticketcore/store/postgres_store.hpp"

#include "store/postgres/connection.hpp"
#include "store/postgres/schema.hpp"
#include "store/postgres/transaction.hpp"

namespace ticketcore {

// Shared with the transactions, so that one may outlive the store.
struct PostgresStore::Impl {
  std::shared_ptr<detail::postgres::Pool> pool;
};

PostgresStore::PostgresStore(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

PostgresStore::~PostgresStore() = default;

std::unique_ptr<PostgresStore> PostgresStore::open(const std::string& connection, const PostgresOptions& options) {
  auto impl = std::make_shared<Impl>();
  impl->pool = std::make_shared<detail::postgres::Pool>(connection, options);
  auto c = impl->pool->connect();
  detail::postgres::migrate(*c, detail::postgres::latest_schema_version());
  impl->pool->release(std::move(c));
  return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(impl)));
}

int PostgresStore::schema_version() { return detail::postgres::latest_schema_version(); }

std::unique_ptr<StoreTransaction> PostgresStore::read() {
  return std::make_unique<detail::postgres::PostgresTransaction>(impl_->pool, false);
}

std::unique_ptr<StoreTransaction> PostgresStore::write() {
  return std::make_unique<detail::postgres::PostgresTransaction>(impl_->pool, true);
}

}  // namespace ticketcore
