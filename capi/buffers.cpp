// tc_free and the buffers it releases. One allocator on both sides (malloc / free inside
// this library) so that a host linked with another C runtime frees with the right one.
#include "buffers.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

#include "ticketcore.h"

namespace ticketcore::capi {

void give(char** out, std::string_view text) {
  auto* buffer = static_cast<char*>(std::malloc(text.size() + 1));
  if (!buffer) throw std::bad_alloc();
  std::memcpy(buffer, text.data(), text.size());
  buffer[text.size()] = '\0';
  *out = buffer;
}

}  // namespace ticketcore::capi

extern "C" void tc_free(void* buffer) { std::free(buffer); }
