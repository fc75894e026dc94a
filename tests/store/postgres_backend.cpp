// The PostgreSQL backend of the contract suite: each store in its own new schema.
#include "store/backends.hpp"

#ifdef TICKETCORE_WITH_POSTGRESQL
#include "postgres_scratch.hpp"
#include "ticketcore/store/postgres_store.hpp"

std::unique_ptr<ticketcore::Store> PostgresBackend::make() {
  return ticketcore::PostgresStore::open(tc_postgres_test::scratch().next());
}
#endif
