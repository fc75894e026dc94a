// The customer profile: one pass over the purchases, one over the tickets, and the line of text.
#include "ticketcore/customers/profile.hpp"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "ticketcore/customers/tags.hpp"
#include "ticketcore/customers/tiers.hpp"
#include "ticketcore/error.hpp"

namespace ticketcore {

namespace {

using namespace std::chrono;

constexpr std::int64_t kMaxRecentDays = 3650;
constexpr std::int64_t kDaySeconds = 86400;
constexpr std::string_view kServiceTimeType = "service_time";

const date::time_zone* locate(const std::string& name, std::string_view path) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    throw_invalid(std::string(path) + "/time_zone", "unknown time zone \"" + name + "\"");
  }
}

// Local time at t: seconds since 1970-01-01 local.
std::int64_t local_seconds(const date::time_zone* zone, Instant t) {
  return t.time_since_epoch().count() +
         zone->get_info(date::sys_seconds{t.time_since_epoch()}).offset.count();
}

sys_days local_day(std::int64_t local) {
  return sys_days{days{local >= 0 ? local / kDaySeconds : (local - kDaySeconds + 1) / kDaySeconds}};
}

std::optional<int> age_at(const std::optional<Date>& birth, Date today) {
  if (!birth || !birth->ok()) return std::nullopt;
  int years = static_cast<int>(today.year()) - static_cast<int>(birth->year());
  if (std::pair{unsigned(today.month()), unsigned(today.day())} <
      std::pair{unsigned(birth->month()), unsigned(birth->day())})
    --years;
  if (years < 0) return std::nullopt;
  return years;
}

bool is_open(Status s) {
  return s == Status::new_ticket || s == Status::assigned || s == Status::in_progress ||
         s == Status::pending_customer;
}

bool rated(const Satisfaction& s) {
  auto star = [](int v) { return v >= 1 && v <= 5; };
  return star(s.efficiency) && star(s.attitude) && star(s.effectiveness);
}

// The band of a ticket's local creation time: 0 weekday, 1 weekend, 2 evening.
int band_of(std::int64_t local) {
  const unsigned wd = weekday(local_day(local)).c_encoding();  // 0 Sunday .. 6 Saturday
  const std::int64_t hour = (local - local_day(local).time_since_epoch().count() * kDaySeconds) / 3600;
  if (wd == 0 || wd == 6) return 1;
  return hour >= 18 ? 2 : 0;
}

std::optional<std::string> derived_service_time(std::span<const Ticket> tickets,
                                                const date::time_zone* zone) {
  if (tickets.size() < 3) return std::nullopt;
  std::array<std::size_t, 3> counts{};
  for (const Ticket& t : tickets)
    ++counts[static_cast<std::size_t>(band_of(local_seconds(zone, t.created_at)))];
  static constexpr std::array<const char*, 3> names = {"weekday", "weekend", "evening"};
  for (std::size_t b = 0; b < counts.size(); ++b)
    if (3 * counts[b] >= 2 * tickets.size()) return names[b];
  return std::nullopt;
}

std::string times(std::int64_t n) {
  if (n == 1) return "once";
  if (n == 2) return "twice";
  return std::to_string(n) + " times";
}

// "a", "a and b", "a, b and c".
std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::string spaced(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string window_words(std::int64_t days) {
  if (days % 30 == 0) return days == 30 ? "1 month" : std::to_string(days / 30) + " months";
  return days == 1 ? "1 day" : std::to_string(days) + " days";
}

}  // namespace

void check_profile_settings(const ProfileSettings& settings, std::string_view path) {
  if (settings.recent_days < 1 || settings.recent_days > kMaxRecentDays)
    throw_invalid(std::string(path) + "/recent_days", "must be 1 to " + std::to_string(kMaxRecentDays));
  (void)locate(settings.time_zone, path);
}

CustomerProfile profile_of(const Customer& customer, std::span<const Ticket> tickets, Instant now,
                           const ProfileSettings& settings) {
  check_profile_settings(settings, "");
  const date::time_zone* zone = locate(settings.time_zone, "");
  const Instant from = now - Seconds{settings.recent_days * kDaySeconds};
  auto recent = [&](Instant t) { return t > from && t <= now; };

  CustomerProfile p;
  p.age = age_at(customer.birth_date, Date{local_day(local_seconds(zone, now))});
  p.industry = customer.industry;
  p.tier = customer.tier;
  p.kind = customer.kind;
  p.tags = customer.tags;
  p.recent_days = settings.recent_days;

  std::map<std::string, std::int64_t> bought;
  for (const Purchase& purchase : customer.purchases)
    if (recent(purchase_time(purchase))) ++bought[purchase.product];
  for (const auto& [product, count] : bought) p.recent_purchases.push_back({product, count});
  std::stable_sort(p.recent_purchases.begin(), p.recent_purchases.end(),
                   [](const ProductCount& a, const ProductCount& b) { return a.count > b.count; });

  struct Topic {
    std::int64_t count = 0;
    Instant latest{};
  };
  std::map<std::string, Topic> topics;
  double stars = 0;
  std::int64_t rated_tickets = 0;
  for (const Ticket& t : tickets) {
    ++p.tickets_total;
    if (is_open(t.status)) ++p.tickets_open;
    if (!p.last_contact || t.created_at > *p.last_contact) p.last_contact = t.created_at;
    if (t.satisfaction && rated(*t.satisfaction)) {
      stars += t.satisfaction->efficiency + t.satisfaction->attitude + t.satisfaction->effectiveness;
      ++rated_tickets;
    }
    if (t.request_type != RequestType::complaint || !recent(t.created_at)) continue;
    ++p.complaints;
    const std::string& text = t.subtype.empty() ? t.subject : t.subtype;
    if (text.empty()) continue;
    Topic& topic = topics[text];
    topic.latest = topic.count == 0 ? t.created_at : std::max(topic.latest, t.created_at);
    ++topic.count;
  }
  if (rated_tickets > 0) p.satisfaction = stars / (3.0 * static_cast<double>(rated_tickets));
  std::vector<std::pair<std::string, Topic>> ranked(topics.begin(), topics.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.count != b.second.count) return a.second.count > b.second.count;
    return a.second.latest > b.second.latest;
  });
  for (auto& [text, topic] : ranked) p.complaint_topics.push_back(text);

  for (const std::string& tag : customer.tags)
    if (auto typed = split_tag(tag); typed && typed->type == kServiceTimeType && !typed->value.empty()) {
      p.preferred_service_time = std::string(typed->value);
      break;
    }
  if (!p.preferred_service_time) p.preferred_service_time = derived_service_time(tickets, zone);
  return p;
}

std::string summary_line(const CustomerProfile& p) {
  std::vector<std::string> parts;
  if (p.age) parts.push_back(std::to_string(*p.age));
  if (p.kind != CustomerKind::individual) parts.emplace_back(to_string(p.kind));
  if (!p.industry.empty()) parts.push_back(p.industry);
  if (p.tier != CustomerTier::normal) parts.emplace_back(to_string(p.tier));
  for (const std::string& tag : p.tags) {
    const auto typed = split_tag(tag);
    if (!typed) {
      parts.push_back(tag);
    } else if (typed->type != kServiceTimeType && !typed->value.empty()) {
      parts.push_back(spaced(typed->value));
    }
  }
  if (!p.recent_purchases.empty()) {
    std::vector<std::string> items;
    for (std::size_t i = 0; i < p.recent_purchases.size() && i < 3; ++i)
      items.push_back(p.recent_purchases[i].product + " " + times(p.recent_purchases[i].count));
    if (p.recent_purchases.size() > 3) {
      const std::size_t others = p.recent_purchases.size() - 3;
      items.push_back(std::to_string(others) + (others == 1 ? " other product" : " other products"));
    }
    parts.push_back("bought " + join(items) + " in " + window_words(p.recent_days));
  }
  if (p.complaints > 0) {
    std::vector<std::string> about;
    for (std::size_t i = 0; i < p.complaint_topics.size() && i < 3; ++i)
      about.push_back(spaced(p.complaint_topics[i]));
    std::string clause = "complained";
    if (p.complaints > 1) clause += " " + times(p.complaints);
    if (!about.empty()) clause += " about " + join(about);
    parts.push_back(std::move(clause));
  }
  if (p.satisfaction) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "satisfaction %.1f/5", *p.satisfaction);
    parts.emplace_back(buffer);
  }
  if (p.preferred_service_time) parts.push_back("prefers " + spaced(*p.preferred_service_time) + " service");
  std::string line;
  for (const std::string& part : parts) line += (line.empty() ? "" : ", ") + part;
  return line;
}

}  // namespace ticketcore
