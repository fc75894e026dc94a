// MemoryStore: the handle that starts transactions over shared state.
#include "ticketcore/store/memory_store.hpp"

#include "store/memory_transaction.hpp"

namespace ticketcore {

std::unique_ptr<MemoryStore> MemoryStore::create() { return std::make_unique<MemoryStore>(); }

MemoryStore::MemoryStore() : shared_(std::make_shared<Shared>()) {}

MemoryStore::~MemoryStore() = default;

std::unique_ptr<StoreTransaction> MemoryStore::read() { return detail::make_memory_transaction(shared_, false); }

std::unique_ptr<StoreTransaction> MemoryStore::write() { return detail::make_memory_transaction(shared_, true); }

}  // namespace ticketcore
