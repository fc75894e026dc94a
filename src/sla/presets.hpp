#pragma once
// The built-in configurations as JSON text, compiled in so that the library needs no data files.

#include <string>
#include <string_view>

namespace ticketcore::detail {

/// The priority scheme of a preset ("standard", "urgent_important_general", "high_medium_low");
/// throws Error{not_found} for another name.
std::string priority_preset_text(std::string_view name);
/// The whole SLA configuration of a preset; throws Error{not_found} for another name.
std::string config_preset_text(std::string_view name);

}  // namespace ticketcore::detail
