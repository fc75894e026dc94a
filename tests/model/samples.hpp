#pragma once
// Fully populated model values: every field set, so a round trip checks every field.

#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore::samples {

inline Instant at(const char* text) { return *parse_instant(text); }

inline Customer customer() {
  using namespace std::chrono;
  Customer c;
  c.id = "C20240501001";
  c.kind = CustomerKind::enterprise;
  c.name = "杭州联合制造有限公司";
  c.company = "杭州联合制造有限公司";
  c.department = "信息部";
  c.phones = {"13812345678", "0571-88886666"};
  c.emails = {"it@lianhe.example"};
  c.addresses = {{"office", "杭州市西湖区文三路 100 号", "310012"}};
  c.industry = "C39";
  c.tier = CustomerTier::vip;
  c.tags = {"frequent buyer", "cares about after-sales"};
  c.gender = Gender::female;
  c.birth_date = year{1992} / March / 14;
  c.identity_number = "330106199203140028";
  c.bank_card_number = "6222021234567890123";
  c.purchases = {
      {"P20240401001", "Router X", "RX-300", "SN123", "SO-2024-77", at("2024-04-01T02:00:00Z"),
       at("2026-04-01T02:00:00Z"), Money{399.5, "CNY"}, at("2024-04-01T03:00:00Z")}};
  c.attributes = {{"region", std::string("east")},
                  {"credit", std::int64_t{5}},
                  {"score", 4.5},
                  {"blocked", false},
                  {"note", std::monostate{}}};
  c.created_at = at("2024-05-01T01:00:00Z");
  c.updated_at = at("2024-05-02T01:00:00Z");
  c.version = 3;
  return c;
}

inline Ticket ticket() {
  Ticket t;
  t.id = "202405-001";
  t.customer_id = "C20240501001";
  t.channel = Channel::wechat;
  t.request_type = RequestType::technical_support;
  t.subtype = "hardware_fault";
  t.subject = "Router reboots every hour";
  t.description = "Since Monday; firmware updated, no change.";
  t.urgency = Urgency::high;
  t.impact = {120, Money{150000.5, "CNY"}, true};
  t.priority = "P1";
  t.status = Status::in_progress;
  t.stage = Stage::solution_plan;
  t.team = "technical_support";
  t.assignee = "a-07";
  t.expected_resolution_at = at("2024-05-03T10:00:00Z");
  t.responsibility = Responsibility{ResponsibleParty::third_party, "carrier damage"};
  t.solution_options = {
      {"opt-1", "Free part replacement", "Replace the board", 48, std::nullopt, {"engineer"}},
      {"opt-2", "Paid on-site repair", "", 4, Money{300, "CNY"}, {"engineer", "van"}}};
  t.chosen_solution = "opt-1";
  t.satisfaction = Satisfaction{5, 4, 5, "quick"};
  t.tags = {"hardware", "vip"};
  t.attributes = {{"product", std::string("router-x")}};
  t.attachments = {{"photo.jpg", "image/jpeg", 2048, "sha256:ab12", "s3://bucket/photo.jpg"}};
  t.created_at = at("2024-05-01T01:00:00Z");
  t.first_response_at = at("2024-05-01T01:05:00Z");
  t.resolved_at = at("2024-05-02T01:00:00Z");
  t.closed_at = at("2024-05-03T01:00:00Z");
  t.updated_at = at("2024-05-03T01:00:00Z");
  t.version = 7;
  return t;
}

inline Event event() {
  Event e;
  e.sequence = 2;
  e.ticket_id = "202405-001";
  e.kind = EventKind::status_changed;
  e.actor = "a-07";
  e.at = at("2024-05-01T02:00:00Z");
  e.payload = {{"from", std::string("assigned")}, {"to", std::string("in_progress")}};
  return e;
}

inline Agent agent() {
  Agent a;
  a.id = "a-07";
  a.name = "Li Wei";
  a.role = Role::supervisor;
  a.team = "technical_support";
  a.skills = {"network"};
  a.certifications = {"router-x"};
  a.languages = {"zh", "en"};
  a.seniority = Seniority::senior;
  a.max_concurrent_tickets = 12;
  a.calendar = "cn-standard";
  a.away = true;
  a.active = false;
  return a;
}

inline Team team() {
  return Team{
      "technical_support", "Technical support", "Certified engineers", "cn-standard", "a-01", "a-02", "a-03"};
}

}  // namespace ticketcore::samples
