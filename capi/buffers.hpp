#pragma once
// Handing text to the caller: a malloc'd NUL-terminated copy the caller frees with tc_free.

#include <string_view>

namespace ticketcore::capi {

/// Copies `text` into a new buffer and stores it in *out; throws std::bad_alloc.
/// `out` was checked non-NULL by the caller.
void give(char** out, std::string_view text);

}  // namespace ticketcore::capi
