#pragma once
// Lower-case word names for enums: one table per enum, used by JSON, the C ABI and rules.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace ticketcore {

/// Specialised per enum with `static constexpr std::array<std::string_view, N> names`,
/// in the order of the enum's values (which run 0..N-1).
template <class E>
struct EnumNames;

/// The lower-case word for an enum value ("technical_support").
template <class E>
constexpr std::string_view to_string(E value) {
  return EnumNames<E>::names[static_cast<std::size_t>(value)];
}

/// The enum value named by a word; nullopt for an unknown word.
template <class E>
constexpr std::optional<E> enum_from_string(std::string_view word) {
  const auto& names = EnumNames<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == word) return static_cast<E>(i);
  return std::nullopt;
}

/// How many values an enum has.
template <class E>
constexpr std::size_t enum_count() {
  return EnumNames<E>::names.size();
}

}  // namespace ticketcore

/// Declares the name table of an enum in namespace ticketcore.
#define TICKETCORE_ENUM_NAMES(Enum, ...)                                          \
  template <>                                                                     \
  struct ticketcore::EnumNames<Enum> {                                            \
    static constexpr auto names = std::to_array<std::string_view>({__VA_ARGS__}); \
  }
