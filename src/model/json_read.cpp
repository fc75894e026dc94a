#include "model/json_read.hpp"

#include <cmath>

namespace ticketcore::detail::json_read {

std::string child(const std::string& path, std::string_view key) {
  std::string out = path;
  out += '/';
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string child(const std::string& path, std::size_t index) { return path + "/" + std::to_string(index); }

std::string in_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  out += '"';
  return out;
}

std::string_view type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    case json::value_t::number_float: return "number";
    default: return "binary";
  }
}

void wrong_type(const json& j, const std::string& path, std::string_view expected) {
  throw_invalid(path, "expected " + std::string(expected) + ", got " + std::string(type_name(j)));
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else
      return false;
    if (i + n >= s.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= n; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n + 1;
  }
  return true;
}

void read(const json& j, const std::string& path, std::string& out, MaxLength max) {
  if (!j.is_string()) wrong_type(j, path, "string");
  const auto& s = j.get_ref<const std::string&>();
  if (!valid_utf8(s)) throw_invalid(path, "invalid UTF-8");
  if (s.size() > max.bytes)
    throw_invalid(
        path, "too long: " + std::to_string(s.size()) + " bytes (at most " + std::to_string(max.bytes) + ")");
  out = s;
}

void read(const json& j, const std::string& path, bool& out) {
  if (!j.is_boolean()) wrong_type(j, path, "boolean");
  out = j.get<bool>();
}

void read(const json& j, const std::string& path, std::int64_t& out, Range range) {
  std::int64_t v;
  // is_number_integer() holds for unsigned values too, so test unsigned first.
  if (j.is_number_unsigned()) {
    auto u = j.get<std::uint64_t>();
    if (u > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
      throw_invalid(path, "integer out of range");
    v = std::int64_t(u);
  } else if (j.is_number_integer()) {
    v = j.get<std::int64_t>();
  } else {
    wrong_type(j, path, "integer");
  }
  if (v < range.min || v > range.max)
    throw_invalid(path, "out of range: " + std::to_string(v) + " (expected " + std::to_string(range.min) +
                            " to " + std::to_string(range.max) + ")");
  out = v;
}

void read(const json& j, const std::string& path, int& out, Range range) {
  std::int64_t v;
  read(j, path, v, range);
  out = int(v);
}

void read(const json& j, const std::string& path, double& out) {
  if (!j.is_number()) wrong_type(j, path, "number");
  out = j.get<double>();
  if (!std::isfinite(out)) throw_invalid(path, "not a finite number");
}

void read(const json& j, const std::string& path, Instant& out) {
  if (!j.is_string()) wrong_type(j, path, "string (RFC 3339 instant)");
  auto t = parse_instant(j.get_ref<const std::string&>());
  if (!t) throw_invalid(path, "not an RFC 3339 instant: \"" + j.get<std::string>() + "\"");
  out = *t;
}

void read(const json& j, const std::string& path, Date& out) {
  if (!j.is_string()) wrong_type(j, path, "string (YYYY-MM-DD date)");
  auto d = parse_date(j.get_ref<const std::string&>());
  if (!d) throw_invalid(path, "not a YYYY-MM-DD date: \"" + j.get<std::string>() + "\"");
  out = *d;
}

void read(const json& j, const std::string& path, AttributeValue& out) {
  switch (j.type()) {
    case json::value_t::null: out = std::monostate{}; break;
    case json::value_t::boolean: out = j.get<bool>(); break;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: {
      std::int64_t v;
      read(j, path, v);
      out = v;
      break;
    }
    case json::value_t::number_float: {
      double v;
      read(j, path, v);
      out = v;
      break;
    }
    case json::value_t::string: {
      std::string s;
      read(j, path, s, MaxLength{limits::text});
      out = std::move(s);
      break;
    }
    default: wrong_type(j, path, "null, boolean, number or string");
  }
}

void read(const json& j, const std::string& path, Attributes& out) {
  if (!j.is_object()) wrong_type(j, path, "object");
  if (j.size() > limits::list) throw_invalid(path, "too many attributes");
  out.clear();
  for (const auto& [key, value] : j.items()) {
    if (key.empty() || key.size() > limits::id || !valid_utf8(key))
      throw_invalid(child(path, key), "attribute names are 1 to 64 bytes of UTF-8");
    read(value, child(path, key), out[key]);
  }
}

ObjectReader::ObjectReader(const json& j, std::string path) : j_(j), path_(std::move(path)) {
  if (!j_.is_object()) wrong_type(j_, path_, "object");
}

const json* ObjectReader::take(std::string_view key) {
  seen_.emplace(key);
  auto it = j_.find(key);
  return it == j_.end() ? nullptr : &*it;
}

void ObjectReader::finish() const {
  for (const auto& [key, value] : j_.items())
    if (!seen_.contains(key)) throw_invalid(child(path_, key), "unknown field");
}

json to_json_value(const AttributeValue& v) {
  return std::visit(
      [](const auto& x) -> json {
        if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::monostate>)
          return nullptr;
        else
          return x;
      },
      v);
}

json to_json_value(const Attributes& attributes) {
  json out = json::object();
  for (const auto& [k, v] : attributes) out[k] = to_json_value(v);
  return out;
}

}  // namespace ticketcore::detail::json_read
