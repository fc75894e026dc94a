#pragma once
// Writing the result forms (docs/json.md): one helper per kind of value, so that every
// form writes instants, enum words, escalation levels and absent values by the same rule.
// Objects are ordered_json: they keep the order fields are put in, so a form reads in
// the order of its C++ struct, and the same value always gives the same text.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/escalation_level.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore::detail::json_write {

using json = nlohmann::ordered_json;

/// An enum as its lower-case word ("technical_support").
template <class E>
json word(E value) {
  return std::string(to_string(value));
}

/// An instant as RFC 3339 with Z.
inline json instant(Instant t) { return format_instant(t); }

/// An escalation level as its number 1-4, as the configuration documents write it.
inline json level(EscalationLevel l) { return level_number(l); }

/// Puts a text unless it is empty: in the result types an empty text means "none".
inline void put_text(json& j, const char* key, std::string_view text) {
  if (!text.empty()) j[key] = std::string(text);
}

/// Puts an optional value, converted by `as`, unless it is empty.
template <class T, class As>
void put_optional(json& j, const char* key, const std::optional<T>& value, As as) {
  if (value) j[key] = as(*value);
}

/// A list of texts (std::string or std::string_view) as an array of strings.
template <class List>
json texts(const List& list) {
  json out = json::array();
  for (const auto& s : list) out.push_back(std::string(s));
  return out;
}

/// Compact JSON text. Invalid UTF-8, which no reader accepts and so only a hand-built
/// value can hold, is written as U+FFFD instead of failing the write.
inline std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace ticketcore::detail::json_write
