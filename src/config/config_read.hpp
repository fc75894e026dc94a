#pragma once
// Reading a desk document: each section by its own area's reader, its errors given the
// section's path, then every cross-reference between the sections checked.

#include <memory>
#include <string_view>

#include "config/config_impl.hpp"

namespace ticketcore::detail {

/// Reads and validates a whole desk document (docs/config.md); throws Error naming the JSON path.
std::shared_ptr<const DeskConfig::Impl> read_desk_config(std::string_view text);

}  // namespace ticketcore::detail
