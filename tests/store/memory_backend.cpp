// The in-memory backend of the contract suite.
#include "store/backends.hpp"

#include "ticketcore/store/memory_store.hpp"

std::unique_ptr<ticketcore::Store> MemoryBackend::make() { return ticketcore::MemoryStore::create(); }
