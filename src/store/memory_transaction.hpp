#pragma once
// MemoryStore's shared state and its transactions (memory_store.hpp states the contract).

#include <memory>
#include <mutex>

#include "store/memory_tables.hpp"
#include "ticketcore/store/memory_store.hpp"

namespace ticketcore {

/// What a MemoryStore and its transactions share.
struct MemoryStore::Shared {
  std::mutex writer;   ///< held by the one live write transaction for its whole life
  std::mutex publish;  ///< guards `published`
  std::shared_ptr<const detail::Tables> published = std::make_shared<const detail::Tables>();  ///< the latest commit
};

namespace detail {

/// A transaction over the snapshot published when it starts; a write transaction takes
/// the writer lock first (so it starts from the latest commit) and keeps it until it ends.
std::unique_ptr<StoreTransaction> make_memory_transaction(std::shared_ptr<MemoryStore::Shared> shared, bool writes);

}  // namespace detail
}  // namespace ticketcore
