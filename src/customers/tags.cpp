// Tag types: their checks, the standard ones, and a customer's tags checked against them.
#include "ticketcore/customers/tags.hpp"

#include <algorithm>
#include <set>

#include "model/json_read.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/limits.hpp"

namespace ticketcore {

namespace {

using detail::json_read::in_quotes;

// Nothing that would break "type:value" apart or read differently on screen.
bool valid_type_id(std::string_view id) {
  if (id.empty() || id.size() > limits::id) return false;
  return std::none_of(id.begin(), id.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return c == ':' || c == ' ' || u < 0x20 || u == 0x7f;
  });
}

std::string allowed(const TagType& type) {
  std::string out;
  for (const auto& v : type.values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

}  // namespace

const TagType* TagTypes::find(std::string_view id) const {
  auto it = std::find_if(types.begin(), types.end(), [&](const TagType& t) { return t.id == id; });
  return it == types.end() ? nullptr : &*it;
}

TagTypes TagTypes::standard() {
  return TagTypes{{
      TagType{"trait",
              "Trait",
              {"frequent_buyer", "price_sensitive", "cares_about_after_sales", "enterprise"},
              false},
      TagType{"service_time", "Preferred service time", {"weekday", "weekend", "evening"}, true},
  }};
}

std::optional<TypedTag> split_tag(std::string_view tag) {
  const auto colon = tag.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return TypedTag{tag.substr(0, colon), tag.substr(colon + 1)};
}

void check_tag_types(const TagTypes& types, std::string_view path) {
  std::set<std::string, std::less<>> ids;
  for (std::size_t k = 0; k < types.types.size(); ++k) {
    const TagType& t = types.types[k];
    const std::string at = std::string(path) + "/" + std::to_string(k);
    if (!valid_type_id(t.id))
      throw_invalid(at + "/id", "a tag type id is 1-64 bytes without ':', spaces or control characters");
    if (!ids.insert(t.id).second) throw_invalid(at + "/id", "duplicate tag type id " + in_quotes(t.id));
    if (t.name.empty()) throw_invalid(at + "/name", "must not be empty");
    if (t.name.size() > limits::name)
      throw_invalid(at + "/name", "longer than " + std::to_string(limits::name) + " bytes");
    std::set<std::string, std::less<>> values;
    for (std::size_t j = 0; j < t.values.size(); ++j) {
      const std::string& v = t.values[j];
      const std::string vat = at + "/values/" + std::to_string(j);
      if (v.empty()) throw_invalid(vat, "must not be empty");
      if (t.id.size() + 1 + v.size() > limits::tag)
        throw_invalid(vat, "the tag " + in_quotes(t.id + ":" + v) + " is longer than " +
                               std::to_string(limits::tag) + " bytes");
      if (!values.insert(v).second) throw_invalid(vat, "duplicate value " + in_quotes(v));
    }
  }
}

void check_tags(const TagTypes& types, const std::vector<std::string>& tags, std::string_view path) {
  std::set<std::string_view> seen;
  std::set<std::string_view> single_types;
  for (std::size_t k = 0; k < tags.size(); ++k) {
    const std::string at = std::string(path) + "/" + std::to_string(k);
    if (!seen.insert(tags[k]).second) throw_invalid(at, "duplicate tag " + in_quotes(tags[k]));
    const auto typed = split_tag(tags[k]);
    if (!typed) continue;
    if (typed->type.empty()) throw_invalid(at, "a typed tag needs a type before ':'");
    if (typed->value.empty()) throw_invalid(at, "a typed tag needs a value after ':'");
    const TagType* type = types.find(typed->type);
    if (!type) throw_invalid(at, "unknown tag type " + in_quotes(typed->type));
    if (!type->values.empty() &&
        std::find(type->values.begin(), type->values.end(), typed->value) == type->values.end())
      throw_invalid(at, in_quotes(typed->value) + " is not a value of tag type " + in_quotes(type->id) +
                            " (expected one of: " + allowed(*type) + ")");
    if (type->single && !single_types.insert(type->id).second)
      throw_invalid(at, "a second tag of tag type " + in_quotes(type->id) + ", which allows one per customer");
  }
}

}  // namespace ticketcore
