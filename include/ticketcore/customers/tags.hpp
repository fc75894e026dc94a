#pragma once
// Customer tags and the desk's tag types (DOMAIN.md section 6: "frequent buyer", "price
// sensitive", ..., "plus custom tag types"). A tag "type:value" ("trait:price_sensitive") is
// typed: its type must be configured and its value one of the type's; a tag without ':' is a
// free tag, always allowed. Pure: no I/O; safe from any thread. docs/customers.md, "Tag types".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ticketcore {

/// One tag type: what may follow "<id>:" in a customer's tag.
struct TagType {
  /// The text before ':' ("trait"): 1-64 bytes, no ':', space or control character.
  std::string id;
  /// Shown to people ("Trait"), required.
  std::string name;
  /// The allowed values, each non-empty and distinct; empty: any non-empty value.
  std::vector<std::string> values;
  /// At most one tag of this type per customer.
  bool single = false;

  friend bool operator==(const TagType&, const TagType&) = default;
};

/// The desk's tag types. Default-constructed: none (every typed tag is refused).
struct TagTypes {
  std::vector<TagType> types;  ///< in the order the desk lists them; ids distinct

  /// The type with this id, or nullptr.
  const TagType* find(std::string_view id) const;
  /// The standard preset's: "trait" (DOMAIN.md's frequent_buyer, price_sensitive,
  /// cares_about_after_sales, enterprise) and "service_time" (weekday, weekend or evening, single).
  static TagTypes standard();

  friend bool operator==(const TagTypes&, const TagTypes&) = default;
};

/// A typed tag split at its first ':' ("trait:price_sensitive" -> "trait", "price_sensitive").
struct TypedTag {
  std::string_view type;   ///< before the first ':'; may be empty
  std::string_view value;  ///< after it; may be empty, may hold ':'
};

/// The tag's type and value, or nullopt for a free tag (one without ':').
std::optional<TypedTag> split_tag(std::string_view tag);

/// Checks tag types built in code as the desk document's are checked (rules on TagType's fields;
/// "<id>:<value>" at most 64 bytes, a customer tag's limit). Throws Error{invalid_input} at
/// `path` + "/<k>/id" for a bad or repeated id (the second one), "/<k>/name", "/<k>/values/<j>".
void check_tag_types(const TagTypes& types, std::string_view path);

/// Checks a customer's tags against the desk's types: throws Error{invalid_input} at
/// `path` + "/<k>" for tag k when it repeats an earlier tag, or it is typed and its type or value
/// is empty, its type is not configured, its value is not among the type's values, or an earlier
/// tag has the same single type. Free tags pass.
void check_tags(const TagTypes& types, const std::vector<std::string>& tags, std::string_view path);

}  // namespace ticketcore
