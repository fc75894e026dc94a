// Every operator on every field type, missing values, nesting and stop.
#include <catch2/catch.hpp>

#include "routing/rules_support.hpp"

using namespace ticketcore;
using namespace ticketcore::rules_test;

namespace {

struct Fixture {
  Context c;
  Ticket t = ticket();
  bool operator()(const json& when) const { return holds(when, t, c.ctx); }
};

}  // namespace

TEST_CASE("rules: enumeration fields take eq, ne, in, not_in, exists, is_empty") {
  Fixture f;
  CHECK(f(cond("request_type", "eq", "technical_support")));
  CHECK_FALSE(f(cond("request_type", "eq", "complaint")));
  CHECK(f(cond("channel", "ne", "email")));
  CHECK_FALSE(f(cond("channel", "ne", "phone")));
  CHECK(f(cond("urgency", "in", {"high", "critical"})));
  CHECK_FALSE(f(cond("urgency", "in", {"low"})));
  CHECK(f(cond("status", "not_in", {"new", "closed"})));
  CHECK_FALSE(f(cond("status", "not_in", {"assigned"})));
  CHECK(f(cond("stage", "eq", "intake")));
  CHECK(f(cond("customer.tier", "eq", "vip")));
  CHECK(f(cond("customer.kind", "in", {"enterprise", "partner"})));
  CHECK(f(cond("channel", "exists")));
  CHECK_FALSE(f(cond("channel", "is_empty")));
  // responsibility is absent until diagnosis: missing.
  CHECK_FALSE(f(cond("responsibility.party", "exists")));
  CHECK(f(cond("responsibility.party", "is_empty")));
  CHECK_FALSE(f(cond("responsibility.party", "ne", "company")));
  f.t.responsibility = Responsibility{ResponsibleParty::customer, "water"};
  CHECK(f(cond("responsibility.party", "eq", "customer")));
  CHECK(f(cond("responsibility.party", "ne", "company")));
}

TEST_CASE("rules: text fields take eq, ne, in, not_in, contains, not_contains, starts_with, matches") {
  Fixture f;
  CHECK(f(cond("subtype", "eq", "hardware_fault")));
  CHECK_FALSE(f(cond("subtype", "eq", "hardware")));
  CHECK(f(cond("priority", "ne", "P1")));
  CHECK(f(cond("priority", "in", {"P1", "P2"})));
  CHECK_FALSE(f(cond("priority", "not_in", {"P1", "P2"})));
  CHECK(f(cond("subject", "contains", "reboots")));
  CHECK_FALSE(f(cond("subject", "contains", "REBOOTS")));
  CHECK(f(cond("description", "not_contains", "refund")));
  CHECK_FALSE(f(cond("description", "not_contains", "firmware")));
  CHECK(f(cond("subject", "starts_with", "Router")));
  CHECK_FALSE(f(cond("subject", "starts_with", "router")));
  CHECK(f(cond("subject", "matches", "RX-[0-9]{3}")));
  CHECK(f(cond("subject", "matches", "(?i)^router")));
  CHECK_FALSE(f(cond("subject", "matches", "^RX")));
  CHECK(f(cond("team", "eq", "technical_support")));
  CHECK(f(cond("assignee", "in", {"a-li", "a-wang"})));
  CHECK(f(cond("customer.industry", "eq", "C39")));
  CHECK(f(cond("customer.company", "contains", "Manufacturing")));
  CHECK(f(cond("customer.department", "eq", "IT")));
  CHECK(f(cond("customer.id", "starts_with", "C2026")));
  CHECK(f(cond("id", "eq", "202605-001")));
  CHECK(f(cond("customer_id", "eq", "C20260501001")));
  CHECK(f(cond("impact.estimated_loss.currency", "eq", "CNY")));
  CHECK(f(cond("chosen_solution", "is_empty")));
  CHECK(f(cond("chosen_solution", "exists")));  // present, though empty
  CHECK_FALSE(f(cond("subject", "is_empty")));
  f.t.assignee.clear();
  CHECK(f(cond("assignee", "is_empty")));
  CHECK_FALSE(f(cond("assignee", "eq", "a-li")));
}

TEST_CASE("rules: tag lists take contains, not_contains, in, not_in, exists, is_empty") {
  Fixture f;
  CHECK(f(cond("tags", "contains", "router")));
  CHECK_FALSE(f(cond("tags", "contains", "route")));  // whole tags, not substrings
  CHECK(f(cond("tags", "not_contains", "vip")));
  CHECK_FALSE(f(cond("tags", "not_contains", "hardware")));
  CHECK(f(cond("tags", "in", {"vip", "router"})));  // any of them
  CHECK_FALSE(f(cond("tags", "in", {"vip", "billing"})));
  CHECK(f(cond("tags", "not_in", {"vip", "billing"})));
  CHECK_FALSE(f(cond("tags", "not_in", {"vip", "hardware"})));
  CHECK(f(cond("customer.tags", "contains", "frequent buyer")));
  CHECK(f(cond("tags", "exists")));
  CHECK_FALSE(f(cond("tags", "is_empty")));
  f.t.tags.clear();
  CHECK(f(cond("tags", "is_empty")));
  CHECK_FALSE(f(cond("tags", "in", {"vip"})));
}

TEST_CASE("rules: number fields take eq, ne, in, not_in, gt, gte, lt, lte, between") {
  Fixture f;
  CHECK(f(cond("impact.users_affected", "eq", 12)));
  CHECK(f(cond("impact.users_affected", "eq", 12.0)));
  CHECK(f(cond("impact.users_affected", "ne", 13)));
  CHECK(f(cond("impact.users_affected", "in", {1, 12})));
  CHECK(f(cond("impact.users_affected", "not_in", {1, 2})));
  CHECK(f(cond("impact.users_affected", "gt", 11)));
  CHECK_FALSE(f(cond("impact.users_affected", "gt", 12)));
  CHECK(f(cond("impact.users_affected", "gte", 12)));
  CHECK_FALSE(f(cond("impact.users_affected", "gte", 12.5)));
  CHECK(f(cond("impact.users_affected", "lt", 13)));
  CHECK_FALSE(f(cond("impact.users_affected", "lt", 12)));
  CHECK(f(cond("impact.users_affected", "lte", 12)));
  CHECK_FALSE(f(cond("impact.users_affected", "lte", 11)));
  CHECK(f(cond("impact.users_affected", "between", {12, 12})));
  CHECK(f(cond("impact.users_affected", "between", {0, 100})));
  CHECK_FALSE(f(cond("impact.users_affected", "between", {13, 100})));
  CHECK(f(cond("impact.estimated_loss.amount", "gt", 4999.5)));
  f.t.impact.estimated_loss.reset();
  CHECK_FALSE(f(cond("impact.estimated_loss.amount", "lt", 1e12)));
  CHECK_FALSE(f(cond("impact.estimated_loss.amount", "ne", 1)));
  CHECK(f(cond("impact.estimated_loss.amount", "is_empty")));
  CHECK_FALSE(f(cond("impact.estimated_loss.amount", "exists")));
}

TEST_CASE("rules: boolean fields take eq, ne, exists") {
  Fixture f;
  CHECK(f(cond("impact.core_business_down", "eq", false)));
  CHECK(f(cond("impact.core_business_down", "ne", true)));
  CHECK(f(cond("impact.core_business_down", "exists")));
  f.t.impact.core_business_down = true;
  CHECK(f(cond("impact.core_business_down", "eq", true)));
  CHECK_FALSE(f(cond("impact.core_business_down", "ne", true)));
  CHECK_FALSE(f(cond("impact.core_business_down", "is_empty")));
}

TEST_CASE("rules: instant fields compare with RFC 3339 values") {
  Fixture f;
  CHECK(f(cond("created_at", "eq", "2026-05-01T09:00:00+08:00")));
  CHECK(f(cond("created_at", "ne", "2026-05-01T01:00:01Z")));
  CHECK(f(cond("created_at", "in", {"2026-05-01T01:00:00Z"})));
  CHECK(f(cond("created_at", "not_in", {"2026-05-02T01:00:00Z"})));
  CHECK(f(cond("created_at", "gt", "2026-05-01T00:59:59Z")));
  CHECK(f(cond("created_at", "gte", "2026-05-01T01:00:00Z")));
  CHECK_FALSE(f(cond("updated_at", "lt", "2026-05-01T02:00:00Z")));
  CHECK(f(cond("updated_at", "lte", "2026-05-01T02:00:00Z")));
  CHECK(f(cond("created_at", "between", {"2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z"})));
  CHECK(f(cond("customer.created_at", "lt", "2025-01-01T00:00:00Z")));
  CHECK(f(cond("resolved_at", "is_empty")));
  CHECK_FALSE(f(cond("first_response_at", "gt", "2000-01-01T00:00:00Z")));
  f.t.expected_resolution_at = at("2026-05-03T00:00:00Z");
  CHECK(f(cond("expected_resolution_at", "exists")));
  CHECK(f(cond("expected_resolution_at", "lt", "2026-05-04T00:00:00Z")));
}

TEST_CASE("rules: custom attributes compare by the type they hold") {
  Fixture f;
  CHECK(f(cond("attributes.region", "eq", "east")));
  CHECK(f(cond("attributes.region", "ne", 3)));  // a text is never a number
  CHECK(f(cond("attributes.region", "in", {"west", "east"})));
  CHECK(f(cond("attributes.region", "not_in", {"west"})));
  CHECK(f(cond("attributes.region", "contains", "as")));
  CHECK(f(cond("attributes.region", "not_contains", "west")));
  CHECK(f(cond("attributes.region", "starts_with", "ea")));
  CHECK(f(cond("attributes.region", "matches", "^e.st$")));
  CHECK(f(cond("attributes.floor", "eq", 3)));
  CHECK(f(cond("attributes.floor", "gt", 2.5)));
  CHECK(f(cond("attributes.floor", "between", {3, 4})));
  CHECK(f(cond("attributes.weight", "lt", 3)));
  CHECK(f(cond("attributes.weight", "gte", 2.5)));
  CHECK(f(cond("attributes.weight", "lte", 2.5)));
  CHECK_FALSE(f(cond("attributes.region", "gt", 1)));         // text does not order against numbers
  CHECK_FALSE(f(cond("attributes.floor", "contains", "3")));  // nor does a number contain text
  CHECK(f(cond("attributes.onsite", "eq", true)));
  CHECK(f(cond("attributes.onsite", "in", {true, "yes"})));
  CHECK(f(cond("attributes.note", "is_empty")));  // null counts as missing
  CHECK_FALSE(f(cond("attributes.note", "exists")));
  CHECK_FALSE(f(cond("attributes.nothing", "eq", "x")));
  CHECK_FALSE(f(cond("attributes.nothing", "ne", "x")));
  CHECK(f(cond("customer.attributes.segment", "eq", "smb")));
  CHECK(f(cond("customer.attributes.credit", "gte", 5)));
}

TEST_CASE("rules: an attribute compared with more texts than the rule set interns decides alike") {
  // A rule set gives an attribute's texts 63 codes for bit tests; comparisons that would
  // need more compare as text. Both kinds here, on one attribute, and its namesake on the customer.
  json codes = json::array();
  for (int i = 0; i < 63; ++i) codes.push_back("c" + std::to_string(i));
  auto rule = [](const char* id, json when) {
    return json{{"id", id}, {"name", id}, {"when", std::move(when)}, {"then", {{{"add_tag", id}}}}};
  };
  const RuleSet rs = load(json{
      {"version", "v"},
      {"rules",
       {rule("first", cond("attributes.code", "in", codes)),
        rule("second", cond("attributes.code", "in", {"c62", "c63"})),
        rule("not-second", cond("attributes.code", "not_in", {"c62", "c63"})),
        rule("ne", cond("attributes.code", "ne", "c64")), rule("eq", cond("attributes.code", "eq", "c0")),
        rule("customer", cond("customer.attributes.code", "eq", "c0"))}}});
  Context c;
  c.customer_record.attributes["code"] = std::string("c1");
  auto tags = [&](AttributeValue code) {
    Ticket t = ticket();
    t.attributes["code"] = std::move(code);
    const Decision d = rs.route(t, c.ctx);
    CHECK(describe(rs.explain(t, c.ctx).decision) == describe(d));
    return std::vector<std::string>(d.tags_added.begin(), d.tags_added.end());
  };
  using Tags = std::vector<std::string>;
  CHECK(tags(std::string("c0")) == Tags{"first", "not-second", "ne", "eq"});
  CHECK(tags(std::string("c62")) == Tags{"first", "second", "ne"});
  CHECK(tags(std::string("c63")) == Tags{"second", "ne"});
  CHECK(tags(std::string("c64")) == Tags{"not-second"});
  CHECK(tags(std::string("unlisted")) == Tags{"not-second", "ne"});
  CHECK(tags(std::int64_t{7}) == Tags{"not-second", "ne"});
  CHECK(tags(std::monostate{}).empty());
  c.customer_record.attributes["code"] = std::string("c0");
  CHECK(tags(std::monostate{}) == Tags{"customer"});
}

TEST_CASE("rules: customer fields are missing without a customer") {
  Fixture f;
  f.c.ctx.customer = nullptr;
  CHECK_FALSE(f(cond("customer.tier", "eq", "vip")));
  CHECK_FALSE(f(cond("customer.tier", "ne", "vip")));
  CHECK_FALSE(f(cond("customer.tags", "not_contains", "x")));
  CHECK_FALSE(f(cond("customer.tags", "exists")));
  CHECK(f(cond("customer.tags", "is_empty")));
  CHECK_FALSE(f(cond("customer.attributes.credit", "exists")));
  CHECK(f(json{{"not", cond("customer.tier", "eq", "vip")}}));
}

TEST_CASE("rules: computed facts come from the evaluation context") {
  Fixture f;
  // now 05:00; created 01:00, updated 02:00, customer message 03:00, assigned 02:00.
  CHECK(f(cond("hours_since_created", "eq", 4)));
  CHECK(f(cond("hours_since_updated", "between", {2.9, 3.1})));
  CHECK(f(cond("hours_since_customer_message", "eq", 2)));
  CHECK(f(cond("hours_since_assigned", "eq", 3)));
  CHECK_FALSE(f(cond("hours_since_progress", "exists")));
  CHECK(f(cond("hours_without_progress", "eq", 3)));
  f.c.ctx.last_progress_at = at("2026-05-01T04:30:00Z");
  CHECK(f(cond("hours_since_progress", "eq", 0.5)));
  CHECK(f(cond("hours_without_progress", "eq", 0.5)));
  CHECK(f(cond("sla.resolution.percent_used", "gte", 40)));
  CHECK(f(cond("sla.resolution.business_hours_remaining", "eq", 2)));
  CHECK_FALSE(f(cond("sla.first_response.percent_used", "exists")));
  f.c.ctx.sla_of(SlaTarget::first_response) = SlaSnapshot{true, 120.0, Seconds{-1800}};
  CHECK(f(cond("sla.first_response.percent_used", "gt", 100)));
  CHECK(f(cond("sla.first_response.business_hours_remaining", "lt", 0)));
  // History: 03-01, 04-20, 04-28, 05-01 01:00; now 05-01 05:00.
  json opened = cond("customer.tickets_opened", "eq", 2);
  opened["days"] = 7;
  CHECK(f(opened));
  opened["days"] = 30;
  opened["value"] = 3;
  CHECK(f(opened));
  opened["days"] = 365;
  opened["value"] = 4;
  CHECK(f(opened));
  json open = cond("calendar_open", "eq", true);
  open["calendar"] = "always";
  CHECK(f(open));
  open["calendar"] = "never";
  CHECK_FALSE(f(open));
  open["calendar"] = "unknown";
  open["op"] = "exists";
  open.erase("value");
  CHECK_FALSE(f(open));
  f.c.ctx.calendars = nullptr;
  open["calendar"] = "always";
  CHECK_FALSE(f(open));
}

TEST_CASE("rules: all, any and not nest to any depth") {
  Fixture f;
  const json yes = cond("channel", "eq", "phone");
  const json no = cond("channel", "eq", "email");
  CHECK(f(json{{"all", json::array()}}));
  CHECK_FALSE(f(json{{"any", json::array()}}));
  CHECK(f(json{{"all", {yes, yes}}}));
  CHECK_FALSE(f(json{{"all", {yes, no}}}));
  CHECK(f(json{{"any", {no, yes}}}));
  CHECK_FALSE(f(json{{"any", {no, no}}}));
  CHECK(f(json{{"not", no}}));
  CHECK_FALSE(f(json{{"not", yes}}));
  json deep = yes;
  for (int i = 0; i < 40; ++i) deep = (i % 2) ? json{{"all", {deep, yes}}} : json{{"not", {{"not", deep}}}};
  CHECK(f(deep));
  CHECK_FALSE(f(json{{"not", deep}}));
  CHECK(f(json{{"any", {json{{"all", {yes, no}}}, json{{"not", json{{"any", {no}}}}}}}}));
}

TEST_CASE("rules: a stop rule ends processing, other matching rules all apply in order") {
  Context c;
  const Ticket t = ticket();
  const json always = json{{"all", json::array()}};
  json set{
      {"version", "v7"},
      {"rules",
       {
           {{"id", "a"}, {"name", "a"}, {"when", always}, {"then", {{{"set_team", "customer_relations"}}}}},
           {{"id", "off"},
            {"name", "off"},
            {"enabled", false},
            {"when", always},
            {"then", {{{"add_tag", "never"}}}}},
           {{"id", "b"},
            {"name", "b"},
            {"when", cond("channel", "eq", "email")},
            {"then", {{{"add_tag", "email"}}}},
            {"stop", true}},
           {{"id", "c"},
            {"name", "c"},
            {"when", always},
            {"then", {{{"set_team", "technical_support"}}, {{"add_tag", "x"}}}},
            {"stop", true}},
           {{"id", "d"}, {"name", "d"}, {"when", always}, {"then", {{{"add_tag", "late"}}}}},
       }}};
  const RuleSet rs = load(set);
  const Decision d = rs.route(t, c.ctx);
  CHECK(d.version == "v7");
  CHECK(d.matched_rules == std::vector<std::string_view>{"a", "c"});
  CHECK(d.team == "technical_support");  // the later rule wins
  CHECK(d.tags_added == std::vector<std::string_view>{"x"});
}

TEST_CASE("rules: actions fill the decision, tag changes net out in order") {
  Context c;
  const json always = json{{"all", json::array()}};
  json set{{"version", "v1"},
           {"rules",
            {
                {{"id", "a"},
                 {"name", "a"},
                 {"when", always},
                 {"then",
                  {{{"set_team", "customer_relations"}},
                   {{"set_agent", "a-wang"}},
                   {{"assign_by", "least_loaded"}},
                   {{"set_priority", {{"level", "P2"}, {"reason", "strong complaint"}}}},
                   {{"add_tag", "t1"}},
                   {{"add_tag", "t2"}},
                   {{"remove_tag", "old"}},
                   {{"set_sla_policy", "vip"}},
                   {{"escalate", {{"level", 3}, {"reason", "overdue"}}}},
                   {{"notify", {{"template", "alert"}, {"recipients", {"supervisor", "handler"}}}}},
                   {{"require_approval", {{"approver", "supervisor"}, {"reason", "remedy"}}}}}}},
                {{"id", "b"},
                 {"name", "b"},
                 {"when", always},
                 {"then",
                  {{{"remove_tag", "t1"}},
                   {{"add_tag", "old"}},
                   {{"escalate", {{"level", 2}}}},
                   {{"notify", {{"template", "ack"}, {"recipients", {"customer"}}}}}}}},
            }}};
  const Decision d = load(set).route(ticket(), c.ctx);
  CHECK(d.team == "customer_relations");
  CHECK(d.agent == "a-wang");
  CHECK(d.assign_by == "least_loaded");
  CHECK(d.priority == "P2");
  CHECK(d.priority_reason == "strong complaint");
  CHECK(d.sla_policy == "vip");
  CHECK(d.escalation_level == EscalationLevel::supervisor);  // the highest level stays
  CHECK(d.escalation_reason == "overdue");
  CHECK(d.tags_added == std::vector<std::string_view>{"t2", "old"});
  CHECK(d.tags_removed == std::vector<std::string_view>{"t1"});
  REQUIRE(d.notifications.size() == 2);
  CHECK(d.notifications[0].rule_id == "a");
  CHECK(d.notifications[0].template_id == "alert");
  CHECK(d.notifications[0].recipients ==
        (static_cast<RecipientSet>(Recipient::handler) | static_cast<RecipientSet>(Recipient::supervisor)));
  CHECK(d.notifications[1].recipients == static_cast<RecipientSet>(Recipient::customer));
  REQUIRE(d.approvals.size() == 1);
  CHECK(d.approvals[0].approver == EscalationLevel::supervisor);
  CHECK(d.approvals[0].reason == "remedy");
  // Reusing a decision clears what the last ticket left.
  Decision reused = d;
  load(one_rule(cond("channel", "eq", "email"))).route(ticket(), c.ctx, reused);
  CHECK(reused.matched_rules.empty());
  CHECK(reused.team.empty());
  CHECK(reused.notifications.empty());
  CHECK(reused.version == "t1");
}

TEST_CASE("rules: calendar_open reads the desk's calendar registry") {
  const BusinessCalendar office = BusinessCalendar::from_json_text(
      R"({"id": "office", "time_zone": "Asia/Shanghai",
          "weekly_hours": {"monday": [{"from": "09:00", "to": "18:00"}],
                           "tuesday": [{"from": "09:00", "to": "18:00"}],
                           "wednesday": [{"from": "09:00", "to": "18:00"}],
                           "thursday": [{"from": "09:00", "to": "18:00"}],
                           "friday": [{"from": "09:00", "to": "18:00"}]}})");
  // The default calendar answers only for the empty id, which no rule can name.
  const CalendarRegistry calendars{{{"office", office}, {"24x7", BusinessCalendar::always_open()}}, "office"};
  Context c;
  c.ctx.calendars = &calendars;
  json closed = cond("calendar_open", "eq", false);
  closed["calendar"] = "office";
  json open24 = cond("calendar_open", "eq", true);
  open24["calendar"] = "24x7";
  json unknown = cond("calendar_open", "exists");
  unknown["calendar"] = "branch";
  const Ticket t = ticket();
  c.ctx.now = at("2026-05-01T02:00:00Z");  // Friday 10:00 in Shanghai
  CHECK_FALSE(holds(closed, t, c.ctx));
  c.ctx.now = at("2026-05-01T11:00:00Z");  // Friday 19:00
  CHECK(holds(closed, t, c.ctx));
  c.ctx.now = at("2026-05-02T02:00:00Z");  // Saturday 10:00
  CHECK(holds(closed, t, c.ctx));
  CHECK(holds(open24, t, c.ctx));
  CHECK_FALSE(holds(unknown, t, c.ctx));
}
