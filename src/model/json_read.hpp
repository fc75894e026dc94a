#pragma once
// Strict JSON reading for every area's from_json: each read checks the type, the
// range and the UTF-8 of one value and names its JSON path in the error.
// An area reads its own structs with overloads of read(json, path, T&) declared
// in T's namespace (ticketcore), where the templates below find them by ADL.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/error.hpp"
#include "ticketcore/model/attributes.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/limits.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore::detail::json_read {

using json = nlohmann::json;

/// The path of a member or element below `path` (RFC 6901 escaping).
std::string child(const std::string& path, std::string_view key);
std::string child(const std::string& path, std::size_t index);

/// A text as a JSON string literal, for messages and explanations (named so that ADL
/// does not find std::quoted for std::string arguments).
std::string in_quotes(std::string_view text);

/// The JSON type name for messages ("string", "number", ...).
std::string_view type_name(const json& j);
[[noreturn]] void wrong_type(const json& j, const std::string& path, std::string_view expected);
bool valid_utf8(std::string_view s);

/// Upper bound on a string's length in bytes.
struct MaxLength {
  std::size_t bytes;
};
/// Inclusive range for an integer.
struct Range {
  std::int64_t min;
  std::int64_t max;
};
/// Upper bound on a list's length.
struct MaxItems {
  std::size_t items;
};

void read(const json& j, const std::string& path, std::string& out, MaxLength max = {limits::name});
void read(const json& j, const std::string& path, bool& out);
void read(const json& j, const std::string& path, std::int64_t& out,
          Range range = {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()});
void read(const json& j, const std::string& path, int& out, Range range);
void read(const json& j, const std::string& path, double& out);
void read(const json& j, const std::string& path, Instant& out);
void read(const json& j, const std::string& path, Date& out);
void read(const json& j, const std::string& path, Attributes& out);
void read(const json& j, const std::string& path, AttributeValue& out);

/// An enum from its lower-case word.
template <class E>
requires std::is_enum_v<E>
void read(const json& j, const std::string& path, E& out) {
  if (!j.is_string()) wrong_type(j, path, "string");
  const auto& word = j.get_ref<const std::string&>();
  auto value = enum_from_string<E>(word);
  if (!value) {
    std::string allowed;
    for (auto name : EnumNames<E>::names) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    throw_invalid(path, "unknown value \"" + word + "\" (expected one of: " + allowed + ")");
  }
  out = *value;
}

/// A list: every element read with the same options; MaxItems bounds the length.
template <class T, class... Opts>
void read(const json& j, const std::string& path, std::vector<T>& out, MaxItems max, Opts... opts) {
  if (!j.is_array()) wrong_type(j, path, "array");
  if (j.size() > max.items)
    throw_invalid(
        path, "too many items: " + std::to_string(j.size()) + " (at most " + std::to_string(max.items) + ")");
  out.clear();
  out.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    T item{};
    read(j[i], child(path, i), item, opts...);
    out.push_back(std::move(item));
  }
}

/// An optional value: JSON null reads as nullopt.
template <class T, class... Opts>
void read(const json& j, const std::string& path, std::optional<T>& out, Opts... opts) {
  if (j.is_null()) {
    out.reset();
    return;
  }
  T value{};
  read(j, path, value, opts...);
  out = std::move(value);
}

/// Walks one JSON object: each field is read once, and finish() refuses the rest.
class ObjectReader {
 public:
  /// Refuses anything but an object at `path`.
  ObjectReader(const json& j, std::string path);

  /// Reads a field that must be present.
  template <class T, class... Opts>
  void required(std::string_view key, T& out, Opts... opts) {
    const json* v = take(key);
    if (!v) throw_invalid(child(path_, key), "missing required field");
    read(*v, child(path_, key), out, opts...);
    // A required text is one with something in it: "" would pass for a name otherwise.
    if constexpr (std::is_same_v<T, std::string>)
      if (out.empty()) throw_invalid(child(path_, key), "must not be empty");
  }

  /// Reads a field if present (null counts as absent); returns whether it was.
  template <class T, class... Opts>
  bool optional(std::string_view key, T& out, Opts... opts) {
    const json* v = take(key);
    if (!v || v->is_null()) return false;
    read(*v, child(path_, key), out, opts...);
    return true;
  }

  /// The raw value of a field, or nullptr; marks the field as known.
  const json* take(std::string_view key);

  /// Throws on the first key no read asked for.
  void finish() const;

  /// The object's own path.
  const std::string& path() const { return path_; }

 private:
  const json& j_;
  std::string path_;
  std::set<std::string, std::less<>> seen_;
};

/// Runs a reader of an embedded document (one read from its own JSON text), putting `prefix`
/// in front of the path of its errors: "/workflow" + "/statuses/2" names the field in the whole.
template <class F>
auto nested(const std::string& prefix, F&& f) {
  try {
    return f();
  } catch (const Error& e) {
    throw Error(e.code(), prefix + e.path(), e.message());
  }
}

/// The JSON value of a custom attribute.
json to_json_value(const AttributeValue& v);
/// Custom attributes as a JSON object.
json to_json_value(const Attributes& attributes);

}  // namespace ticketcore::detail::json_read

namespace ticketcore {

struct Money;
/// Reads an amount (>= 0) with its three-letter ISO 4217 currency; shared by the
/// ticket's fields and the priority rules' loss threshold.
void read(const nlohmann::json& j, const std::string& path, Money& m);

struct Purchase;
struct SolutionOption;
struct Responsibility;
struct Satisfaction;
/// Reads the value types a C call also takes alone, so that a list of them reads with paths.
void read(const nlohmann::json& j, const std::string& path, Purchase& p);
/// Reads a solution option.
void read(const nlohmann::json& j, const std::string& path, SolutionOption& o);
/// Reads a responsibility finding.
void read(const nlohmann::json& j, const std::string& path, Responsibility& r);
/// Reads a satisfaction rating.
void read(const nlohmann::json& j, const std::string& path, Satisfaction& s);

}  // namespace ticketcore
