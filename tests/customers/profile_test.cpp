// Customer profiles: DOMAIN.md's example line from a fixture, a fuller one with every clause,
// the windows' ends, age in the customer's local date, complaint topics' order, the preferred
// service time (a tag, else two thirds of the tickets in one local band), and the line's words.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "customers/customer_fixtures.hpp"
#include "ticketcore/customers/profile.hpp"
#include "ticketcore/error.hpp"

using namespace ticketcore;

namespace {

const Instant kFridayNoon = at("2026-05-01T04:00:00Z");  // Friday 12:00 in Shanghai
const ProfileSettings kShanghai{90, "Asia/Shanghai"};
const ProfileSettings kUtc{90, "UTC"};

Purchase bought(const char* product, Instant when) {
  Purchase p;
  p.product = product;
  p.purchased_at = when;
  p.recorded_at = when;
  return p;
}

Ticket ticket(RequestType type, const char* subtype, Instant created, Status status = Status::closed) {
  Ticket t;
  t.customer_id = "C20240501001";
  t.request_type = type;
  t.subtype = subtype;
  t.subject = "A request";
  t.created_at = created;
  t.status = status;
  return t;
}

Ticket created(const char* when) { return ticket(RequestType::consultation, "", at(when)); }

// DOMAIN.md's example: 32, manufacturing, product A twice in 3 months, a delivery complaint, weekends.
Customer domain_customer() {
  Customer c;
  c.id = "C20240501001";
  c.name = "Li Na";
  c.industry = "manufacturing";
  c.birth_date = Date{std::chrono::year{1994}, std::chrono::month{3}, std::chrono::day{15}};
  c.tags = {"service_time:weekend"};
  c.purchases = {bought("Product A", at("2026-03-01T02:00:00Z")),
                 bought("Product A", at("2026-04-10T02:00:00Z")),
                 bought("Product B", at("2026-01-31T04:00:00Z"))};  // exactly 90 days ago: out
  return c;
}

std::vector<Ticket> domain_tickets() {
  return {ticket(RequestType::complaint, "delivery_speed", at("2026-04-11T02:00:00Z"), Status::resolved),
          ticket(RequestType::consultation, "", at("2026-04-20T02:00:00Z"), Status::in_progress)};
}

std::optional<std::string> preferred(const std::vector<Ticket>& tickets, const ProfileSettings& settings,
                                     std::vector<std::string> tags = {}) {
  Customer c = domain_customer();
  c.tags = std::move(tags);
  return profile_of(c, tickets, at("2026-05-03T00:00:00Z"), settings).preferred_service_time;
}

}  // namespace

TEST_CASE("profile: DOMAIN.md's example as data and as its line") {
  const std::vector<Ticket> tickets = domain_tickets();
  const CustomerProfile p = profile_of(domain_customer(), tickets, kFridayNoon, kShanghai);
  CHECK(p.age == 32);
  CHECK(p.industry == "manufacturing");
  CHECK(p.tier == CustomerTier::normal);
  CHECK(p.kind == CustomerKind::individual);
  CHECK(p.tags == std::vector<std::string>{"service_time:weekend"});
  CHECK(p.recent_days == 90);
  CHECK(p.recent_purchases == std::vector<ProductCount>{{"Product A", 2}});
  CHECK(p.complaints == 1);
  CHECK(p.complaint_topics == std::vector<std::string>{"delivery_speed"});
  CHECK(p.tickets_total == 2);
  CHECK(p.tickets_open == 1);
  CHECK_FALSE(p.satisfaction);
  CHECK(p.last_contact == at("2026-04-20T02:00:00Z"));
  CHECK(p.preferred_service_time == "weekend");
  CHECK(summary_line(p) ==
        "32, manufacturing, bought Product A twice in 3 months, complained about delivery speed, prefers "
        "weekend service");
}

TEST_CASE("profile: every clause of the line") {
  Customer c;
  c.id = "C20240501002";
  c.name = "Acme Manufacturing Co., Ltd.";
  c.kind = CustomerKind::enterprise;
  c.industry = "manufacturing";
  c.tier = CustomerTier::vip;
  c.tags = {"trait:price_sensitive", "likes email"};
  c.purchases = {bought("Product A", at("2026-03-01T02:00:00Z")), bought("Product B", kFridayNoon),
                 bought("Product A", at("2026-04-10T02:00:00Z")), bought("Product C", kFridayNoon + Seconds{1})};
  std::vector<Ticket> tickets = {
      ticket(RequestType::complaint, "delivery_speed", at("2026-04-13T11:00:00Z"),
             Status::resolved),  // Mon 19:00
      ticket(RequestType::complaint, "delivery_speed", at("2026-04-14T12:00:00Z"),
             Status::closed),                                                              // Tue 20:00
      ticket(RequestType::complaint, "", at("2026-04-15T13:00:00Z"), Status::new_ticket),  // Wed 21:00
      ticket(RequestType::complaint, "billing", at("2025-12-01T11:00:00Z")),  // out of the window
      ticket(RequestType::technical_support, "", at("2026-04-16T02:00:00Z"),
             Status::pending_customer),  // Thu 10:00
  };
  tickets[0].satisfaction = Satisfaction{5, 4, 4, ""};
  tickets[1].satisfaction = Satisfaction{3, 4, 5, "slow"};
  tickets[2].subject = "Invoice missing";
  tickets[4].satisfaction = Satisfaction{0, 0, 0, ""};  // not rated: left out of the mean

  const CustomerProfile p = profile_of(c, tickets, kFridayNoon, kShanghai);
  CHECK_FALSE(p.age);
  CHECK(p.recent_purchases == std::vector<ProductCount>{{"Product A", 2}, {"Product B", 1}});
  CHECK(p.complaints == 3);
  CHECK(p.complaint_topics == std::vector<std::string>{"delivery_speed", "Invoice missing"});
  CHECK(p.tickets_total == 5);
  CHECK(p.tickets_open == 2);
  REQUIRE(p.satisfaction);
  CHECK(*p.satisfaction == Approx(25.0 / 6.0));
  CHECK(p.last_contact == at("2026-04-16T02:00:00Z"));
  CHECK(p.preferred_service_time == "evening");  // 4 of 5 on weekday evenings, local time
  CHECK(summary_line(p) ==
        "enterprise, manufacturing, vip, price sensitive, likes email, bought Product A twice and Product B "
        "once "
        "in 3 months, complained 3 times about delivery speed and Invoice missing, satisfaction 4.2/5, "
        "prefers evening service");
}

TEST_CASE("profile: a complaint exactly recent_days ago is out and one a second later in") {
  const Instant from = kFridayNoon - Seconds{90 * 86400};
  std::vector<Ticket> tickets = {ticket(RequestType::complaint, "late", from),
                                 ticket(RequestType::complaint, "rude", kFridayNoon + Seconds{1})};
  CustomerProfile p = profile_of(domain_customer(), tickets, kFridayNoon, kShanghai);
  CHECK(p.complaints == 0);
  CHECK(p.complaint_topics.empty());
  CHECK(p.tickets_total == 2);
  tickets[0].created_at = from + Seconds{1};
  tickets[1].created_at = kFridayNoon;
  p = profile_of(domain_customer(), tickets, kFridayNoon, kShanghai);
  CHECK(p.complaints == 2);
  CHECK(p.complaint_topics == std::vector<std::string>{"rude", "late"});  // a tie: the latest first
  // A shorter window drops the purchase of 2026-03-01.
  p = profile_of(domain_customer(), tickets, kFridayNoon, ProfileSettings{30, "UTC"});
  CHECK(p.recent_purchases == std::vector<ProductCount>{{"Product A", 1}});
  CHECK(p.recent_days == 30);
}

TEST_CASE("profile: complaint topics most frequent first then latest then by text") {
  const std::vector<Ticket> tickets = {
      ticket(RequestType::complaint, "a_topic", at("2026-04-10T00:00:00Z")),
      ticket(RequestType::complaint, "c", at("2026-04-12T00:00:00Z")),
      ticket(RequestType::complaint, "b_topic", at("2026-04-12T00:00:00Z")),
      ticket(RequestType::complaint, "z_topic", at("2026-03-01T00:00:00Z")),
      ticket(RequestType::complaint, "z_topic", at("2026-03-02T00:00:00Z")),
      ticket(RequestType::consultation, "not_a_complaint", at("2026-04-20T00:00:00Z")),
  };
  const CustomerProfile p = profile_of(domain_customer(), tickets, kFridayNoon, kUtc);
  CHECK(p.complaints == 5);
  CHECK(p.complaint_topics == std::vector<std::string>{"z_topic", "b_topic", "c", "a_topic"});
  // The line names three topics.
  CHECK_THAT(summary_line(p), Catch::Contains("complained 5 times about z topic, b topic and c,"));
}

TEST_CASE("profile: age in whole years at the local date") {
  Customer c = domain_customer();
  c.birth_date = Date{std::chrono::year{1994}, std::chrono::month{5}, std::chrono::day{2}};
  const Instant t = at("2026-05-01T17:00:00Z");  // 2026-05-02 01:00 in Shanghai
  CHECK(profile_of(c, {}, t, kShanghai).age == 32);
  CHECK(profile_of(c, {}, t, kUtc).age == 31);
  c.birth_date = Date{std::chrono::year{2000}, std::chrono::month{2}, std::chrono::day{29}};
  CHECK(profile_of(c, {}, at("2026-02-28T12:00:00Z"), kUtc).age == 25);
  CHECK(profile_of(c, {}, at("2026-03-01T00:00:00Z"), kUtc).age == 26);
  c.birth_date = Date{std::chrono::year{2027}, std::chrono::month{1}, std::chrono::day{1}};
  CHECK_FALSE(profile_of(c, {}, kFridayNoon, kUtc).age);
  c.birth_date.reset();
  CHECK_FALSE(profile_of(c, {}, kFridayNoon, kUtc).age);
}

TEST_CASE("profile: the preferred service time follows two thirds of the tickets in local time") {
  // Fri 17:00Z is Sat 01:00 in Shanghai: weekend there, a weekday afternoon in UTC.
  const std::vector<Ticket> tickets = {created("2026-05-01T17:00:00Z"), created("2026-05-02T03:00:00Z"),
                                       created("2026-04-29T03:00:00Z")};
  CHECK(preferred(tickets, kShanghai) == "weekend");
  CHECK(preferred(tickets, kUtc) == "weekday");
}

TEST_CASE("profile: evenings start at 18:00 and weekends at Saturday midnight") {
  CHECK(preferred({created("2026-04-27T18:00:00Z"), created("2026-04-28T18:00:00Z"),
                   created("2026-04-29T17:59:59Z")},
                  kUtc) == "evening");
  CHECK(preferred({created("2026-04-27T17:59:59Z"), created("2026-04-28T17:59:59Z"),
                   created("2026-04-29T18:00:00Z")},
                  kUtc) == "weekday");
  CHECK(preferred({created("2026-05-01T23:59:59Z"), created("2026-04-30T23:00:00Z"),
                   created("2026-05-02T00:00:00Z")},
                  kUtc) == "evening");
  CHECK(preferred({created("2026-05-02T00:00:00Z"), created("2026-05-03T23:59:59Z"),
                   created("2026-05-01T23:59:59Z")},
                  kUtc) == "weekend");
}

TEST_CASE("profile: no preferred service time below 3 tickets or two thirds") {
  CHECK_FALSE(preferred({}, kUtc));
  CHECK_FALSE(preferred({created("2026-05-02T10:00:00Z"), created("2026-05-03T10:00:00Z")}, kUtc));
  CHECK_FALSE(preferred({created("2026-05-02T10:00:00Z"), created("2026-05-03T10:00:00Z"),
                         created("2026-04-27T10:00:00Z"), created("2026-04-28T10:00:00Z")},
                        kUtc));  // 2 of 4
  CHECK_FALSE(preferred(
      {created("2026-05-02T10:00:00Z"), created("2026-04-27T20:00:00Z"), created("2026-04-28T10:00:00Z")},
      kUtc));  // one each
}

TEST_CASE("profile: a service_time tag wins over the tickets") {
  const std::vector<Ticket> weekends = {created("2026-05-02T10:00:00Z"), created("2026-05-03T10:00:00Z"),
                                        created("2026-04-25T10:00:00Z")};
  CHECK(preferred(weekends, kUtc) == "weekend");
  CHECK(preferred(weekends, kUtc, {"trait:enterprise", "service_time:weekday"}) == "weekday");
  CHECK(preferred({}, kUtc, {"service_time:evening"}) == "evening");
  CHECK_FALSE(preferred({}, kUtc, {"weekend", "trait:weekend"}));  // neither is a service_time tag
}

TEST_CASE("profile: the line counts in words and the window in months or days") {
  CustomerProfile p;
  p.recent_days = 30;
  p.recent_purchases = {{"A", 3}, {"B", 2}, {"C", 1}, {"D", 1}, {"E", 1}};
  CHECK(summary_line(p) == "bought A 3 times, B twice, C once and 2 other products in 1 month");
  p.recent_purchases.pop_back();
  p.recent_days = 45;
  CHECK(summary_line(p) == "bought A 3 times, B twice, C once and 1 other product in 45 days");
  p.recent_purchases = {{"A", 1}};
  p.recent_days = 1;
  CHECK(summary_line(p) == "bought A once in 1 day");
  p.recent_days = 360;
  CHECK(summary_line(p) == "bought A once in 12 months");
  p.recent_days = 365;
  CHECK(summary_line(p) == "bought A once in 365 days");

  CustomerProfile q;
  CHECK(summary_line(q).empty());
  q.kind = CustomerKind::partner;
  q.tier = CustomerTier::strategic;
  q.complaints = 2;
  q.satisfaction = 5.0;
  q.preferred_service_time = "some_time";
  CHECK(summary_line(q) ==
        "partner, strategic, complained twice, satisfaction 5.0/5, prefers some time service");
}

TEST_CASE("profile: settings are checked with their paths") {
  require_invalid(
      [] {
        check_profile_settings(ProfileSettings{0, "UTC"}, "/p");
      },
      "/p/recent_days", "1 to 3650");
  require_invalid(
      [] {
        check_profile_settings(ProfileSettings{3651, "UTC"}, "/p");
      },
      "/p/recent_days", "1 to 3650");
  require_invalid(
      [] {
        check_profile_settings(ProfileSettings{90, "Mars/Olympus"}, "/p");
      },
      "/p/time_zone", "unknown time zone \"Mars/Olympus\"");
  CHECK_NOTHROW(check_profile_settings(ProfileSettings{3650, "Europe/Berlin"}, "/p"));
  require_invalid(
      [] {
        (void)profile_of(domain_customer(), {}, kFridayNoon, ProfileSettings{90, ""});
      },
      "/time_zone", "unknown time zone");
}
