// Tier rules: their checks, and one pass over a customer's purchases for the decision.
#include "ticketcore/customers/tiers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "ticketcore/error.hpp"

namespace ticketcore {

namespace {

constexpr std::int64_t kMaxWindowDays = 3650;

constexpr double kMaxAmount = 1e15;  // in the currency's unit; far above any price, far below overflow

// An amount in hundredths of its currency's unit, so that sums compare without rounding noise;
// a stored price past kMaxAmount counts as kMaxAmount, one that is not a number as 0.
long long hundredths(double amount) {
  return std::llround((std::isnan(amount) ? 0.0 : std::clamp(amount, 0.0, kMaxAmount)) * 100);
}

// a + b, stopping at the largest value instead of overflowing (both are >= 0).
long long saturating_add(long long a, long long b) {
  return a > std::numeric_limits<long long>::max() - b ? std::numeric_limits<long long>::max() : a + b;
}

std::string format_amount(const Money& m) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(hundredths(m.amount)) / 100);
  return std::string(buffer) + " " + m.currency;
}

void check_threshold(const TierThreshold& t, const std::string& path) {
  if (!t.purchases && !t.amount) throw_invalid(path, "needs purchases or amount (or both)");
  if (t.purchases && *t.purchases < 1) throw_invalid(path + "/purchases", "must be at least 1");
  if (t.amount) {
    // Bounded so that hundredths() cannot overflow.
    if (!std::isfinite(t.amount->amount) || t.amount->amount <= 0 || t.amount->amount > kMaxAmount)
      throw_invalid(path + "/amount/amount", "must be positive (at most 1e15)");
    bool iso = t.amount->currency.size() == 3;
    for (char c : t.amount->currency) iso = iso && c >= 'A' && c <= 'Z';
    if (!iso) throw_invalid(path + "/amount/currency", "expected a three-letter ISO 4217 code");
  }
}

const char* tier_word(CustomerTier tier) {
  switch (tier) {
    case CustomerTier::normal: return "normal";
    case CustomerTier::vip: return "vip";
    case CustomerTier::strategic: return "strategic";
  }
  return "normal";
}

// The purchases of the window, counted and added up in one currency.
struct WindowFigures {
  std::int64_t count = 0;
  long long hundredths_in(const std::string& currency) const {
    long long sum = 0;
    for (const auto& [c, h] : sums)
      if (c == currency) sum = h;
    return sum;
  }
  std::vector<std::pair<std::string, long long>> sums;  // per currency, in hundredths
};

WindowFigures figures(const Customer& customer, Instant now, std::int64_t window_days) {
  WindowFigures f;
  const Instant from = now - std::chrono::days{window_days};
  for (const Purchase& p : customer.purchases) {
    const Instant t = purchase_time(p);
    if (t <= from || t > now) continue;
    ++f.count;
    if (!p.price) continue;
    auto it = std::find_if(f.sums.begin(), f.sums.end(),
                           [&](const auto& s) { return s.first == p.price->currency; });
    if (it == f.sums.end()) it = f.sums.insert(f.sums.end(), {p.price->currency, 0});
    it->second = saturating_add(it->second, hundredths(p.price->amount));
  }
  return f;
}

// Why a threshold is reached, or empty when it is not.
std::string reached(const std::optional<TierThreshold>& t, const WindowFigures& f, CustomerTier tier,
                    std::int64_t window_days) {
  if (!t) return {};
  const std::string window = window_days == 1 ? std::string(" in the last day ")
                                              : " in the last " + std::to_string(window_days) + " days ";
  if (t->purchases && f.count >= *t->purchases)
    return std::to_string(f.count) + (f.count == 1 ? " purchase" : " purchases") + window +
           (f.count == 1 ? "reaches " : "reach ") + tier_word(tier) + " (" + std::to_string(*t->purchases) +
           ")";
  if (t->amount) {
    const long long sum = f.hundredths_in(t->amount->currency);
    if (sum >= hundredths(t->amount->amount))
      return "purchases of " + format_amount(Money{static_cast<double>(sum) / 100, t->amount->currency}) +
             window + "reach " + tier_word(tier) + " (" + format_amount(*t->amount) + ")";
  }
  return {};
}

}  // namespace

TierRules TierRules::none() {
  TierRules rules;
  rules.vip.reset();
  rules.strategic.reset();
  return rules;
}

Instant purchase_time(const Purchase& purchase) {
  return purchase.purchased_at.value_or(purchase.recorded_at);
}

void check_tier_rules(const TierRules& rules, std::string_view path) {
  const std::string at(path);
  if (rules.window_days < 1 || rules.window_days > kMaxWindowDays)
    throw_invalid(at + "/window_days", "must be 1 to " + std::to_string(kMaxWindowDays));
  if (rules.vip) check_threshold(*rules.vip, at + "/vip");
  if (rules.strategic) check_threshold(*rules.strategic, at + "/strategic");
  if (!rules.vip || !rules.strategic) return;
  const TierThreshold& v = *rules.vip;
  const TierThreshold& s = *rules.strategic;
  if (v.purchases && s.purchases && *s.purchases < *v.purchases)
    throw_invalid(at + "/strategic/purchases",
                  "must not be below vip's (" + std::to_string(*v.purchases) + ")");
  if (v.amount && s.amount && v.amount->currency == s.amount->currency &&
      hundredths(s.amount->amount) < hundredths(v.amount->amount))
    throw_invalid(at + "/strategic/amount/amount",
                  "must not be below vip's (" + format_amount(*v.amount) + ")");
}

TierDecision decide_tier(const TierRules& rules, const Customer& customer, Instant now) {
  check_tier_rules(rules, "");
  const WindowFigures f = figures(customer, now, rules.window_days);
  TierDecision d{customer.tier, false, {}};
  std::string why;
  CustomerTier tier = CustomerTier::normal;
  if (why = reached(rules.strategic, f, CustomerTier::strategic, rules.window_days); !why.empty())
    tier = CustomerTier::strategic;
  else if (why = reached(rules.vip, f, CustomerTier::vip, rules.window_days); !why.empty())
    tier = CustomerTier::vip;
  if (tier > customer.tier) d = TierDecision{tier, true, std::move(why)};
  return d;
}

}  // namespace ticketcore
