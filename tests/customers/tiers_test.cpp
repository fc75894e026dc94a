// Tier rules: the window's two ends, either threshold, other currencies counted for the count
// only, a tier never lowered, the reason's figures, and every check of the rules with its path.
#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "customers/customer_fixtures.hpp"
#include "ticketcore/customers/tiers.hpp"
#include "ticketcore/error.hpp"

using namespace ticketcore;

namespace {

const Instant kNow = at("2026-05-01T00:00:00Z");
const Instant kYearAgo = at("2025-05-01T00:00:00Z");  // exactly 365 days before kNow

Purchase bought(Instant when, std::optional<Money> price = std::nullopt) {
  Purchase p;
  p.product = "Router X";
  p.purchased_at = when;
  p.price = std::move(price);
  p.recorded_at = when;
  return p;
}

Customer with(std::vector<Purchase> purchases, CustomerTier tier = CustomerTier::normal) {
  Customer c;
  c.id = "C20240501001";
  c.name = "Li Na";
  c.tier = tier;
  c.purchases = std::move(purchases);
  return c;
}

Money cny(double amount) { return Money{amount, "CNY"}; }

}  // namespace

TEST_CASE("tiers: the standard rules are 3 purchases or 50000 CNY and 10 or 500000 CNY a year") {
  const TierRules rules;
  CHECK(rules.window_days == 365);
  CHECK(rules.vip == TierThreshold{3, Money{50000, "CNY"}});
  CHECK(rules.strategic == TierThreshold{10, Money{500000, "CNY"}});
  CHECK_FALSE(TierRules::none().vip.has_value());
  CHECK_FALSE(TierRules::none().strategic.has_value());
  CHECK(TierRules::none().window_days == 365);
  CHECK_NOTHROW(check_tier_rules(rules, "/tiers"));
  CHECK_NOTHROW(check_tier_rules(TierRules::none(), "/tiers"));
}

TEST_CASE("tiers: a purchase exactly window_days ago is out and one at now is in") {
  std::vector<Purchase> purchases = {bought(kYearAgo), bought(kNow - Seconds{3600}), bought(kNow)};
  TierDecision d = decide_tier(TierRules{}, with(purchases), kNow);
  CHECK(d == TierDecision{CustomerTier::normal, false, ""});

  purchases[0] = bought(kYearAgo + Seconds{1});
  d = decide_tier(TierRules{}, with(purchases), kNow);
  CHECK(d == TierDecision{CustomerTier::vip, true, "3 purchases in the last 365 days reach vip (3)"});

  // A purchase after now does not count yet.
  purchases[2] = bought(kNow + Seconds{1});
  CHECK(decide_tier(TierRules{}, with(purchases), kNow).tier == CustomerTier::normal);
}

TEST_CASE("tiers: recorded_at stands in for a missing purchased_at") {
  Purchase old_sale = bought(kYearAgo - Seconds{86400});
  old_sale.recorded_at = kNow;  // recorded late: purchased_at still decides
  Purchase unknown_date = bought(kNow);
  unknown_date.purchased_at.reset();
  unknown_date.recorded_at = kNow - Seconds{86400};
  CHECK(purchase_time(old_sale) == kYearAgo - Seconds{86400});
  CHECK(purchase_time(unknown_date) == kNow - Seconds{86400});

  const Customer c = with({old_sale, unknown_date, bought(kNow)});
  CHECK(decide_tier(TierRules{}, c, kNow).tier == CustomerTier::normal);  // 2 in the window
  unknown_date.recorded_at = kYearAgo;                                    // exactly 365 days ago: out
  CHECK(decide_tier(TierRules{}, with({unknown_date, bought(kNow), bought(kNow)}), kNow).tier ==
        CustomerTier::normal);
  unknown_date.recorded_at = kYearAgo + Seconds{1};
  CHECK(decide_tier(TierRules{}, with({unknown_date, bought(kNow), bought(kNow)}), kNow).tier ==
        CustomerTier::vip);
}

TEST_CASE("tiers: the amount alone reaches a tier") {
  const Customer c = with({bought(kNow - Seconds{86400}, cny(30000)), bought(kNow, cny(25000))});
  CHECK(decide_tier(TierRules{}, c, kNow) ==
        TierDecision{CustomerTier::vip, true,
                     "purchases of 55000.00 CNY in the last 365 days reach vip (50000.00 CNY)"});
  // 49999.99 is one hundredth short.
  const Customer short_of = with({bought(kNow, cny(24999.99)), bought(kNow, cny(25000))});
  CHECK(decide_tier(TierRules{}, short_of, kNow).tier == CustomerTier::normal);
  // A purchase out of the window adds nothing.
  const Customer old = with({bought(kYearAgo, cny(30000)), bought(kNow, cny(25000))});
  CHECK(decide_tier(TierRules{}, old, kNow).tier == CustomerTier::normal);
}

TEST_CASE("tiers: sums compare in hundredths so 0.1 plus 0.2 reaches 0.3") {
  TierRules rules = TierRules::none();
  rules.vip = TierThreshold{std::nullopt, cny(0.3)};
  const Customer c = with({bought(kNow, cny(0.1)), bought(kNow, cny(0.2))});
  CHECK(decide_tier(rules, c, kNow) ==
        TierDecision{CustomerTier::vip, true,
                     "purchases of 0.30 CNY in the last 365 days reach vip (0.30 CNY)"});
}

TEST_CASE("tiers: a price in another currency counts for the count only") {
  const Money usd{100000, "USD"};
  const Customer two = with({bought(kNow, usd), bought(kNow, usd)});
  CHECK(decide_tier(TierRules{}, two, kNow).tier == CustomerTier::normal);
  const Customer three = with({bought(kNow, usd), bought(kNow, usd), bought(kNow, cny(10))});
  CHECK(decide_tier(TierRules{}, three, kNow) ==
        TierDecision{CustomerTier::vip, true, "3 purchases in the last 365 days reach vip (3)"});
  // A purchase without a price counts too.
  const Customer unpriced = with({bought(kNow), bought(kNow), bought(kNow)});
  CHECK(decide_tier(TierRules{}, unpriced, kNow).tier == CustomerTier::vip);
}

TEST_CASE("tiers: strategic by count or by amount and the count named when both are met") {
  std::vector<Purchase> ten(10, bought(kNow - Seconds{60}));
  CHECK(
      decide_tier(TierRules{}, with(ten), kNow) ==
      TierDecision{CustomerTier::strategic, true, "10 purchases in the last 365 days reach strategic (10)"});

  const Customer big = with({bought(kNow, cny(600000)), bought(kNow, cny(20000))});
  CHECK(decide_tier(TierRules{}, big, kNow) ==
        TierDecision{CustomerTier::strategic, true,
                     "purchases of 620000.00 CNY in the last 365 days reach strategic (500000.00 CNY)"});

  // Both figures reach vip: the count is named.
  const Customer both = with({bought(kNow, cny(20000)), bought(kNow, cny(20000)), bought(kNow, cny(20000))});
  CHECK(decide_tier(TierRules{}, both, kNow).reason == "3 purchases in the last 365 days reach vip (3)");
}

TEST_CASE("tiers: one purchase reaches in the singular") {
  TierRules rules = TierRules::none();
  rules.window_days = 30;
  rules.vip = TierThreshold{1, std::nullopt};
  CHECK(decide_tier(rules, with({bought(kNow)}), kNow) ==
        TierDecision{CustomerTier::vip, true, "1 purchase in the last 30 days reaches vip (1)"});
  CHECK(decide_tier(rules, with({bought(kNow - Seconds{30 * 86400})}), kNow).tier == CustomerTier::normal);
  rules.window_days = 1;
  CHECK(decide_tier(rules, with({bought(kNow)}), kNow).reason ==
        "1 purchase in the last day reaches vip (1)");
}

TEST_CASE("tiers: the rules never lower a tier") {
  const std::vector<Purchase> three(3, bought(kNow));
  CHECK(decide_tier(TierRules{}, with(three, CustomerTier::strategic), kNow) ==
        TierDecision{CustomerTier::strategic, false, ""});
  CHECK(decide_tier(TierRules{}, with(three, CustomerTier::vip), kNow) ==
        TierDecision{CustomerTier::vip, false, ""});
  CHECK(decide_tier(TierRules{}, with({}, CustomerTier::vip), kNow) ==
        TierDecision{CustomerTier::vip, false, ""});
  // vip set by hand, strategic reached: raised.
  const std::vector<Purchase> ten(10, bought(kNow));
  CHECK(decide_tier(TierRules{}, with(ten, CustomerTier::vip), kNow).tier == CustomerTier::strategic);
  // No rules: nothing is ever reached.
  CHECK(decide_tier(TierRules::none(), with(ten), kNow) == TierDecision{CustomerTier::normal, false, ""});
}

TEST_CASE("tiers: strategic alone skips vip") {
  TierRules rules = TierRules::none();
  rules.strategic = TierThreshold{2, std::nullopt};
  CHECK(decide_tier(rules, with({bought(kNow)}), kNow).tier == CustomerTier::normal);
  CHECK(decide_tier(rules, with({bought(kNow), bought(kNow)}), kNow).tier == CustomerTier::strategic);
}

TEST_CASE("tiers: each check of the rules names its path") {
  auto check = [](TierRules rules) { return [rules] { check_tier_rules(rules, "/customers/tiers"); }; };
  TierRules r;
  r.window_days = 0;
  require_invalid(check(r), "/customers/tiers/window_days", "1 to 3650");
  r.window_days = 3651;
  require_invalid(check(r), "/customers/tiers/window_days", "1 to 3650");
  r.window_days = 3650;
  CHECK_NOTHROW(check_tier_rules(r, ""));

  r = TierRules{};
  r.vip = TierThreshold{};
  require_invalid(check(r), "/customers/tiers/vip", "purchases or amount");
  r.vip = TierThreshold{0, std::nullopt};
  require_invalid(check(r), "/customers/tiers/vip/purchases", "at least 1");
  r.vip = TierThreshold{std::nullopt, cny(0)};
  require_invalid(check(r), "/customers/tiers/vip/amount/amount", "positive");
  r.vip = TierThreshold{std::nullopt, Money{10, "cny"}};
  require_invalid(check(r), "/customers/tiers/vip/amount/currency", "ISO 4217");
  r = TierRules{};
  r.strategic = TierThreshold{};
  require_invalid(check(r), "/customers/tiers/strategic", "purchases or amount");
}

TEST_CASE("tiers: strategic may not be below vip") {
  auto check = [](TierRules rules) { return [rules] { check_tier_rules(rules, "/t"); }; };
  TierRules r;
  r.strategic = TierThreshold{2, cny(500000)};
  require_invalid(check(r), "/t/strategic/purchases", "below vip's (3)");
  r.strategic = TierThreshold{10, cny(49999.99)};
  require_invalid(check(r), "/t/strategic/amount/amount", "below vip's (50000.00 CNY)");
  // Equal figures are allowed; amounts in two currencies are not compared.
  r.strategic = TierThreshold{3, cny(50000)};
  CHECK_NOTHROW(check_tier_rules(r, "/t"));
  r.strategic = TierThreshold{3, Money{10, "USD"}};
  CHECK_NOTHROW(check_tier_rules(r, "/t"));
  // A figure only one side sets is not compared.
  r.vip = TierThreshold{std::nullopt, cny(50000)};
  r.strategic = TierThreshold{1, std::nullopt};
  CHECK_NOTHROW(check_tier_rules(r, "/t"));
}

TEST_CASE("tiers: decide_tier refuses rules the checks refuse") {
  TierRules r;
  r.window_days = 0;
  require_invalid([&] { (void)decide_tier(r, with({}), kNow); }, "/window_days", "1 to 3650");
}
