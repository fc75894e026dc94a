#pragma once
// Customer tiers from purchases (DOMAIN.md section 6: "normal / VIP / strategic, from purchase
// frequency or amount, updated when they buy"): the desk's rules, their checks, and the decision
// for one customer. Pure: no I/O, no clock reads; safe from any thread. docs/customers.md, "Tiers".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/money.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// What reaches a tier: either set figure, within the rules' window.
struct TierThreshold {
  std::optional<std::int64_t> purchases;  ///< reached at this many purchases or more, >= 1
  std::optional<Money> amount;            ///< reached when prices in its currency add up to it, > 0

  friend bool operator==(const TierThreshold&, const TierThreshold&) = default;
};

/// The desk's tier rules; the defaults are the standard preset's (3 purchases or 50,000 CNY a
/// year for vip, 10 or 500,000 CNY for strategic). An unset threshold is never reached.
struct TierRules {
  std::int64_t window_days = 365;  ///< purchases in the last this many days count, 1 to 3650
  std::optional<TierThreshold> vip = TierThreshold{3, Money{50000, "CNY"}};          ///< normal -> vip
  std::optional<TierThreshold> strategic = TierThreshold{10, Money{500000, "CNY"}};  ///< -> strategic

  /// No automatic tiers: both thresholds unset (tiers are set by hand only).
  static TierRules none();

  friend bool operator==(const TierRules&, const TierRules&) = default;
};

/// The tier the rules give a customer, and why.
struct TierDecision {
  CustomerTier tier = CustomerTier::normal;  ///< the customer's tier from now on; never below the current one
  bool changed = false;                      ///< whether `tier` differs from the customer's current tier
  std::string reason;  ///< one English sentence naming the figures; empty when unchanged

  friend bool operator==(const TierDecision&, const TierDecision&) = default;
};

/// When a purchase counts as made: its purchased_at, or recorded_at when that is absent.
Instant purchase_time(const Purchase& purchase);

/// Checks rules built in code as the desk document's are checked: window_days 1 to 3650; a
/// threshold has purchases or amount or both, purchases >= 1, amount > 0 and finite with a
/// three-letter upper-case currency; strategic's purchases not below vip's, nor its amount when
/// both are in one currency. Throws Error{invalid_input} at `path` + "/window_days",
/// "/vip/purchases", "/strategic/amount/amount" and so on.
void check_tier_rules(const TierRules& rules, std::string_view path);

/// The highest tier whose threshold the purchases made in (now - window_days, now] reach (a
/// purchase exactly window_days before `now` is out, one at `now` in): their count against
/// `purchases`, the sum of their prices in the threshold's currency (compared in hundredths)
/// against `amount`; a price in another currency, or none, counts towards the count only. The
/// rules never lower a tier: a current tier at or above the one reached is kept, unchanged.
/// The reason: "4 purchases in the last 365 days reach vip (3)", or "purchases of 620000.00 CNY
/// in the last 365 days reach strategic (500000.00 CNY)" (the count named when both are met).
/// Throws Error{invalid_input} for rules check_tier_rules refuses (path relative to the rules).
TierDecision decide_tier(const TierRules& rules, const Customer& customer, Instant now);

}  // namespace ticketcore
