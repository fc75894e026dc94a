#pragma once
// Size limits on stored text and lists: JSON input past them is refused.

#include <cstddef>

namespace ticketcore::limits {

inline constexpr std::size_t id = 64;               ///< ids and codes, in bytes
inline constexpr std::size_t name = 256;            ///< names, subjects, titles
inline constexpr std::size_t tag = 64;              ///< one tag
inline constexpr std::size_t text = 65536;          ///< descriptions, comments, notes
inline constexpr std::size_t list = 1000;           ///< items in one list (tags, phones)
inline constexpr std::size_t solution_options = 3;  ///< DOMAIN.md: 1 to 3 options

}  // namespace ticketcore::limits
