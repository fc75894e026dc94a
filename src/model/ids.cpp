#include "ticketcore/model/ids.hpp"

#include <cstdio>

#include "ticketcore/error.hpp"

namespace ticketcore {

NumberFormat::NumberFormat(std::string_view pattern) : pattern_(pattern) {
  auto fail = [&](const std::string& why) {
    throw_invalid("", "number format \"" + pattern_ + "\": " + why);
  };
  int serials = 0;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '}') fail("unmatched '}'");
    if (pattern[i] != '{') {
      std::size_t next = pattern.find_first_of("{}", i);
      if (next == std::string_view::npos) next = pattern.size();
      pieces_.push_back({Part::literal, std::string(pattern.substr(i, next - i))});
      i = next;
      continue;
    }
    std::size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) fail("unmatched '{'");
    std::string_view name = pattern.substr(i + 1, close - i - 1);
    i = close + 1;
    if (name == "yyyy")
      pieces_.push_back({Part::year4, {}});
    else if (name == "yy")
      pieces_.push_back({Part::year2, {}});
    else if (name == "mm")
      pieces_.push_back({Part::month, {}});
    else if (name == "dd")
      pieces_.push_back({Part::day, {}});
    else if (name.starts_with("serial")) {
      int width = 1;
      if (name.size() > 6) {
        if (name[6] != ':' || name.size() != 8 || name[7] < '1' || name[7] > '9')
          fail("the serial placeholder is {serial} or {serial:N} with N from 1 to 9");
        width = name[7] - '0';
      }
      serial_width_ = width;
      ++serials;
      pieces_.push_back({Part::serial, {}});
    } else {
      fail("unknown placeholder {" + std::string(name) + "}");
    }
  }
  if (serials != 1) fail("needs exactly one {serial:N} placeholder");
}

std::string NumberFormat::render(Date date, const std::int64_t* serial) const {
  std::string out;
  char buf[32];
  for (const auto& p : pieces_) {
    switch (p.part) {
      case Part::literal: out += p.text; break;
      case Part::year4:
        std::snprintf(buf, sizeof buf, "%04d", int(date.year()));
        out += buf;
        break;
      case Part::year2:
        std::snprintf(buf, sizeof buf, "%02d", int(date.year()) % 100);
        out += buf;
        break;
      case Part::month:
        std::snprintf(buf, sizeof buf, "%02u", unsigned(date.month()));
        out += buf;
        break;
      case Part::day:
        std::snprintf(buf, sizeof buf, "%02u", unsigned(date.day()));
        out += buf;
        break;
      case Part::serial:
        // No serial: render the period alone, the date parts without literals.
        if (!serial) break;
        std::snprintf(buf, sizeof buf, "%0*lld", serial_width_, static_cast<long long>(*serial));
        out += buf;
        break;
    }
  }
  return out;
}

std::string NumberFormat::format(Date date, std::int64_t serial) const {
  if (serial < 1) throw_invalid("/serial", "must be at least 1, got " + std::to_string(serial));
  if (!date.ok()) throw_invalid("/date", "not a valid date");
  return render(date, &serial);
}

std::string NumberFormat::period(Date date) const {
  if (!date.ok()) throw_invalid("/date", "not a valid date");
  NumberFormat dates_only = *this;
  std::erase_if(dates_only.pieces_, [](const Piece& p) { return p.part == Part::literal; });
  return dates_only.render(date, nullptr);
}

NumberFormat NumberFormat::ticket_default() { return NumberFormat("{yyyy}{mm}-{serial:3}"); }
NumberFormat NumberFormat::customer_default() { return NumberFormat("C{yyyy}{mm}{dd}{serial:3}"); }

}  // namespace ticketcore
