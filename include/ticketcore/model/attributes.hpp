#pragma once
// Custom attributes: the host's own fields on a customer, ticket or event.

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ticketcore {

/// One custom attribute value: null, a boolean, an integer, a number or text.
using AttributeValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

/// Custom attributes by name, kept sorted by name (so JSON output is stable) in one
/// array: a record has a handful, and routing reads them for every ticket, where a
/// tree's scattered nodes cost a cache miss each. The interface is std::map's subset.
class Attributes {
 public:
  /// One attribute: its name and value.
  using value_type = std::pair<std::string, AttributeValue>;
  /// Iterates in name order; do not change a name through it.
  using iterator = std::vector<value_type>::iterator;
  /// Iterates in name order.
  using const_iterator = std::vector<value_type>::const_iterator;

 private:
  // The first attribute whose name is not before `name`, in items (const or not).
  template <class Items>
  static auto lower_in(Items& items, std::string_view name) {
    return std::lower_bound(items.begin(), items.end(), name,
                            [](const value_type& item, std::string_view n) { return item.first.compare(n) < 0; });
  }
  template <class Items>
  static auto find_in(Items& items, std::string_view name) {
    auto at = lower_in(items, name);
    return at != items.end() && at->first == name ? at : items.end();
  }

 public:
  /// No attributes.
  Attributes() = default;
  /// The given attributes; a repeated name keeps its first value, as std::map does.
  Attributes(std::initializer_list<value_type> list) {
    for (const auto& item : list) emplace(item.first, item.second);
  }

  /// The first attribute in name order.
  iterator begin() { return items_.begin(); }
  /// Past the last attribute.
  iterator end() { return items_.end(); }
  /// The first attribute in name order.
  const_iterator begin() const { return items_.begin(); }
  /// Past the last attribute.
  const_iterator end() const { return items_.end(); }
  /// How many attributes there are.
  std::size_t size() const { return items_.size(); }
  /// Whether there are none.
  bool empty() const { return items_.empty(); }

  /// The attribute with this name, or end().
  iterator find(std::string_view name) { return find_in(items_, name); }
  /// The attribute with this name, or end().
  const_iterator find(std::string_view name) const { return find_in(items_, name); }
  /// Whether an attribute has this name.
  bool contains(std::string_view name) const { return find(name) != end(); }
  /// 1 if an attribute has this name, else 0.
  std::size_t count(std::string_view name) const { return contains(name) ? 1 : 0; }

  /// The value of this name; throws std::out_of_range when absent.
  const AttributeValue& at(std::string_view name) const {
    auto it = find(name);
    if (it == end()) throw std::out_of_range("no attribute \"" + std::string(name) + "\"");
    return it->second;
  }
  /// The value of this name, added as null when absent.
  AttributeValue& operator[](std::string_view name) { return emplace(name, AttributeValue()).first->second; }
  /// Adds the attribute unless the name is there; the iterator and whether it was added.
  std::pair<iterator, bool> emplace(std::string_view name, AttributeValue value) {
    auto at = lower_in(items_, name);
    if (at != items_.end() && at->first == name) return {at, false};
    return {items_.emplace(at, std::string(name), std::move(value)), true};
  }
  /// Sets the attribute, adding it when absent.
  void insert_or_assign(std::string_view name, AttributeValue value) {
    emplace(name, AttributeValue()).first->second = std::move(value);
  }
  /// Removes the attribute with this name; how many were removed (0 or 1).
  std::size_t erase(std::string_view name) {
    auto at = find(name);
    if (at == items_.end()) return 0;
    items_.erase(at);
    return 1;
  }
  /// Removes every attribute.
  void clear() { items_.clear(); }

  /// Same names with the same values.
  friend bool operator==(const Attributes&, const Attributes&) = default;

 private:
  std::vector<value_type> items_;  // sorted by name, names unique
};

}  // namespace ticketcore
