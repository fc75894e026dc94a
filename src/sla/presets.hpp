#pragma once
// The built-in configurations as JSON text, compiled in so that the library needs no data files.

#include <string>
#include <string_view>

#include "ticketcore/sla/config.hpp"

namespace ticketcore::detail {

/// The priority scheme of a preset ("standard", "urgent_important_general", "high_medium_low");
/// throws Error{not_found} for another name.
std::string priority_preset_text(std::string_view name);
/// The whole SLA configuration of a preset; throws Error{not_found} for another name.
std::string config_preset_text(std::string_view name);
/// The SLA part of a preset, loaded (DeskConfig::preset is the public way to a preset).
SlaConfig sla_preset(std::string_view name);
/// The priority scheme of a preset, loaded.
PriorityScheme priority_preset(std::string_view name);

}  // namespace ticketcore::detail
