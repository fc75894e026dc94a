// SqliteStore: opens the file, migrates it, and lends pooled connections to
// transactions (sqlite_store.hpp).
#include "ticketcore/store/sqlite_store.hpp"

#include "store/sqlite/connection.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/transaction.hpp"

namespace ticketcore {

// Shared with the transactions, so that one may outlive the store.
struct SqliteStore::Impl {
  std::shared_ptr<detail::sqlite::Pool> pool;
};

SqliteStore::SqliteStore(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

SqliteStore::~SqliteStore() = default;

std::unique_ptr<SqliteStore> SqliteStore::open(const std::string& path, const SqliteOptions& options) {
  auto impl = std::make_shared<Impl>();
  impl->pool = std::make_shared<detail::sqlite::Pool>(path, options);
  auto connection = impl->pool->acquire();
  detail::sqlite::migrate(*connection, detail::sqlite::latest_schema_version());
  impl->pool->release(std::move(connection), true);
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

int SqliteStore::schema_version() { return detail::sqlite::latest_schema_version(); }

std::unique_ptr<StoreTransaction> SqliteStore::read() {
  return std::make_unique<detail::sqlite::SqliteTransaction>(impl_->pool, false);
}

std::unique_ptr<StoreTransaction> SqliteStore::write() {
  return std::make_unique<detail::sqlite::SqliteTransaction>(impl_->pool, true);
}

const std::string& SqliteStore::path() const { return impl_->pool->path(); }

}  // namespace ticketcore
