#pragma once
// MemoryStore: the Store in memory, for tests and for hosts that keep a desk's data
// themselves (export_lines / import_lines carry it to and from disk).

#include <memory>

#include "ticketcore/store/store.hpp"

namespace ticketcore {

/// A Store held in memory, with the semantics of docs/storage.md.
///
/// Transactions: a read() sees the snapshot published when it started, never waits and
/// never blocks a writer. A write() waits until the previous write transaction has
/// finished (one writer at a time), then works on its own copy of the tables (a table is
/// copied on its first write, as pointers to shared rows) and publishes it on commit();
/// destroying it uncommitted discards the copy. Thread safety: any number of threads may
/// run transactions at once, each transaction used by one thread. Transactions may
/// outlive the store object. A write in a read transaction, or any call after commit(),
/// throws Error (storage).
class MemoryStore : public Store {
 public:
  /// An empty store.
  static std::unique_ptr<MemoryStore> create();

  /// An empty store.
  MemoryStore();
  /// Releases the data once the last transaction using it has ended.
  ~MemoryStore() override;
  MemoryStore(const MemoryStore&) = delete;
  MemoryStore& operator=(const MemoryStore&) = delete;

  /// Starts a transaction over the latest committed snapshot; never waits.
  std::unique_ptr<StoreTransaction> read() override;
  /// Starts a write transaction; waits while another write transaction is alive.
  std::unique_ptr<StoreTransaction> write() override;

  /// The state shared by the store and its transactions (defined in src/store).
  struct Shared;

 private:
  std::shared_ptr<Shared> shared_;
};

}  // namespace ticketcore
