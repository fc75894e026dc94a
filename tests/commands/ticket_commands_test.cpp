#include <catch2/catch.hpp>

#include "desk_fixture.hpp"
#include "ticketcore/commands/facts.hpp"
#include "ticketcore/commands/take_in.hpp"
#include "ticketcore/commands/ticket_commands.hpp"
#include "ticketcore/model/event_payloads.hpp"

using namespace ticketcore;
using fixture::at;

namespace {

// A ticket with its stored history, changed one command at a time as the Desk would.
struct Story {
  DeskConfig desk = fixture::standard_desk();
  Customer customer;
  Ticket ticket;
  std::vector<Event> events;
  Instant now = at("2026-03-09T01:00:00Z");  // Monday 09:00 in Shanghai

  explicit Story(RequestType type = RequestType::technical_support) {
    customer.id = "C20260301001";
    customer.name = "Zhang Wei";
    Ticket request;
    request.customer_id = customer.id;
    request.channel = Channel::email;
    request.request_type = type;
    request.subject = "Printer prints blank pages";
    request.attributes["product"] = std::string("erp");
    TakeInResult r = take_in({desk, Actor::system(), now}, request, {customer, 1, {}, {}});
    ticket = r.ticket;
    events = r.events;
  }

  Story& apply(Change c) {
    CHECK(c.ticket.version == ticket.version + 1);
    for (std::size_t i = 0; i < c.events.size(); ++i)
      CHECK(c.events[i].sequence == std::int64_t(events.size() + i) + 1);
    ticket = std::move(c.ticket);
    events.insert(events.end(), c.events.begin(), c.events.end());
    return *this;
  }
  template <class F>
  Story& by(Actor actor, F command, int minutes_later = 10) {
    now += std::chrono::minutes{minutes_later};
    return apply(command(CommandContext{desk, actor, now}, TicketState{ticket, events}));
  }
  template <class F>
  Error refused(Actor actor, F command) {
    try {
      command(CommandContext{desk, actor, now}, TicketState{ticket, events});
    } catch (const Error& e) {
      return e;
    }
    FAIL("the command was not refused");
    return Error(ErrorCode::internal, "", "");
  }
};

const Actor engineer{ActorKind::agent, "t-01"};
const Actor lead{ActorKind::agent, "t-lead"};
const Actor supervisor{ActorKind::supervisor, "s-01"};

}  // namespace

TEST_CASE("commands: a ticket's life sets the fields that follow from events") {
  Story s;
  const Actor me = Actor::customer(s.customer.id);
  REQUIRE(s.ticket.assignee == "t-01");
  s.by(engineer, [](auto c, auto st) { return change_status(c, st, Status::in_progress); });
  CHECK(s.ticket.status == Status::in_progress);
  CHECK_FALSE(s.ticket.first_response_at);
  s.by(engineer, [](auto c, auto st) { return comment(c, st, "Please send the printer log."); });
  CHECK(s.ticket.first_response_at == s.now);
  const Instant first = s.now;
  s.by(engineer, [](auto c, auto st) { return change_status(c, st, Status::pending_customer); });
  s.by(me, [](auto c, auto st) { return comment(c, st, "Log attached."); });
  CHECK(s.ticket.status == Status::in_progress);  // the customer's reply brings it back
  CHECK(s.ticket.first_response_at == first);     // a customer's message is no response
  s.by(engineer, [](auto c, auto st) { return resolve(c, st, "Replaced the toner driver."); });
  CHECK(s.ticket.status == Status::resolved);
  CHECK(s.ticket.resolved_at == s.now);
  CHECK(s.ticket.updated_at == s.now);
  s.by(me, [](auto c, auto st) { return rate(c, st, Satisfaction{5, 4, 5, "quick"}); });
  CHECK(s.ticket.satisfaction->attitude == 4);
  s.by(me, [](auto c, auto st) { return close(c, st); });
  CHECK(s.ticket.status == Status::closed);
  CHECK(s.ticket.closed_at == s.now);
  CHECK(s.refused(me, [](auto c, auto st) { return reopen(c, st, "again"); }).code() ==
        ErrorCode::invalid_transition);
  CHECK(s.refused(engineer, [](auto c, auto st) { return comment(c, st, "late"); }).path() == "/status");
}

TEST_CASE("commands: reopen clears the resolution and the workflow refuses a jump") {
  Story s;
  CHECK(s.refused(engineer, [](auto c, auto st) { return change_status(c, st, Status::closed); }).code() ==
        ErrorCode::invalid_transition);
  s.by(engineer, [](auto c, auto st) { return change_status(c, st, Status::in_progress); });
  s.by(engineer, [](auto c, auto st) { return resolve(c, st, "fixed"); });
  CHECK(s.refused(engineer, [](auto c, auto st) { return reopen(c, st, ""); }).path() == "/reason");
  s.by(Actor::customer(s.customer.id), [](auto c, auto st) { return reopen(c, st, "still blank"); });
  CHECK(s.ticket.status == Status::in_progress);
  CHECK_FALSE(s.ticket.resolved_at);
}

TEST_CASE("commands: ratings are 1 to 5 and given once") {
  Story s;
  CHECK(s.refused(Actor::customer(s.customer.id), [](auto c, auto st) { return rate(c, st, Satisfaction{5, 5, 5, ""}); })
            .code() == ErrorCode::invalid_transition);
  s.by(engineer, [](auto c, auto st) { return change_status(c, st, Status::in_progress); });
  s.by(engineer, [](auto c, auto st) { return resolve(c, st, "fixed"); });
  const Actor me = Actor::customer(s.customer.id);
  CHECK(s.refused(me, [](auto c, auto st) { return rate(c, st, Satisfaction{6, 5, 5, ""}); }).path() ==
        "/efficiency");
  CHECK(s.refused(me, [](auto c, auto st) { return rate(c, st, Satisfaction{5, 0, 5, ""}); }).path() ==
        "/attitude");
  s.by(me, [](auto c, auto st) { return rate(c, st, Satisfaction{3, 3, 3, ""}); });
  CHECK(s.refused(me, [](auto c, auto st) { return rate(c, st, Satisfaction{5, 5, 5, ""}); }).code() ==
        ErrorCode::conflict);
  CHECK(s.refused(Actor::customer("C1"), [](auto c, auto st) { return close(c, st); }).code() ==
        ErrorCode::denied);
}

TEST_CASE("commands: assign and reassign move the ticket to the agent's team") {
  Story s;
  s.by(supervisor, [](auto c, auto st) { return assign(c, st, "v-01"); });
  CHECK(s.ticket.assignee == "v-01");
  CHECK(s.ticket.team == "senior_specialists");
  const auto moved = events::read_payload<events::Assigned>(s.events.back());
  CHECK(moved.from == "t-01");
  CHECK(moved.to == "v-01");
  CHECK(s.refused(supervisor, [](auto c, auto st) { return assign(c, st, "nobody"); }).code() ==
        ErrorCode::not_found);
  CHECK(s.refused(Actor::customer(s.customer.id), [](auto c, auto st) { return assign(c, st, "t-02"); })
            .code() == ErrorCode::denied);
}

TEST_CASE("commands: priority changes need a known level and a reason") {
  Story s;
  CHECK(s.refused(lead, [](auto c, auto st) { return change_priority(c, st, "P9", "x"); }).path() == "/priority");
  CHECK(s.refused(lead, [](auto c, auto st) { return change_priority(c, st, "P1", ""); }).path() == "/reason");
  s.by(lead, [](auto c, auto st) { return change_priority(c, st, "P1", "the whole plant stopped"); });
  CHECK(s.ticket.priority == "P1");
  CHECK(events::read_payload<events::PriorityChanged>(s.events.back()).to == "P1");
}

TEST_CASE("commands: after-sales stages follow diagnosis and the solution plan") {
  Story s;
  s.by(engineer, [](auto c, auto st) { return change_status(c, st, Status::in_progress); });
  CHECK(s.refused(Actor::customer(s.customer.id), [](auto c, auto st) { return sign_off(c, st, "diagnosis"); })
            .path() == "/what");
  s.by(engineer, [](auto c, auto st) {
    return record_responsibility(c, st, Responsibility{ResponsibleParty::customer, "water damage"});
  });
  CHECK(s.ticket.stage == Stage::diagnosis);
  s.by(Actor::customer(s.customer.id), [](auto c, auto st) { return sign_off(c, st, "diagnosis"); });
  std::vector<SolutionOption> four(4);
  CHECK(s.refused(engineer, [&](auto c, auto st) { return propose_solutions(c, st, four); }).path() ==
        "/solution_options");
  std::vector<SolutionOption> two{{"repair", "Paid repair", "", 48, Money{300, "CNY"}, {}},
                                  {"replace", "Exchange", "", 24, Money{900, "CNY"}, {}}};
  s.by(engineer, [&](auto c, auto st) { return propose_solutions(c, st, two); });
  CHECK(s.ticket.stage == Stage::solution_plan);
  CHECK(s.refused(Actor::customer(s.customer.id), [](auto c, auto st) { return choose_solution(c, st, "gift"); })
            .code() == ErrorCode::not_found);
  s.by(Actor::customer(s.customer.id), [](auto c, auto st) { return choose_solution(c, st, "repair"); });
  CHECK(s.ticket.chosen_solution == "repair");
  CHECK(s.ticket.stage == Stage::execution);
}

TEST_CASE("commands: a remedy is approved by the level asked for or above") {
  Story s(RequestType::complaint);
  CHECK(s.refused(supervisor, [](auto c, auto st) { return approve_remedy(c, st, ""); }).code() ==
        ErrorCode::not_found);
  const Actor handler{ActorKind::agent, s.ticket.assignee};
  s.by(handler, [](auto c, auto st) {
    return request_remedy_approval(c, st, "200 CNY voucher", EscalationLevel::supervisor);
  });
  CHECK(s.refused(handler, [](auto c, auto st) { return approve_remedy(c, st, "ok"); }).code() ==
        ErrorCode::denied);
  CHECK(s.refused(lead, [](auto c, auto st) { return approve_remedy(c, st, "ok"); }).code() ==
        ErrorCode::denied);
  s.by(Actor{ActorKind::supervisor, "s-02"}, [](auto c, auto st) { return refuse_remedy(c, st, "too much"); });
  CHECK(s.events.back().kind == EventKind::remedy_refused);
  s.by(handler, [](auto c, auto st) {
    return request_remedy_approval(c, st, "100 CNY voucher", EscalationLevel::supervisor);
  });
  s.by(Actor{ActorKind::admin, "m-01"}, [](auto c, auto st) { return approve_remedy(c, st, "fine"); });
  CHECK(s.events.back().kind == EventKind::remedy_approved);
}

TEST_CASE("commands: escalation goes to the first active person at or above the level") {
  Story s;
  s.by(engineer, [](auto c, auto st) { return escalate(c, st, EscalationLevel::team_lead, "needs the lead"); });
  const auto e = events::read_payload<events::Escalated>(s.events.back());
  CHECK(e.to == "t-lead");
  CHECK(e.level == EscalationLevel::team_lead);
}

TEST_CASE("commands: merging closes the duplicate as merged and records it on the kept ticket") {
  Story kept, dup;
  dup.ticket.id = "202603-002";
  for (Event& e : dup.events) e.ticket_id = dup.ticket.id;
  const CommandContext c{kept.desk, supervisor, kept.now};
  auto [gone, stays] = merge(c, {dup.ticket, dup.events}, {kept.ticket, kept.events});
  CHECK(gone.ticket.status == Status::merged);
  CHECK(events::read_payload<events::Merged>(gone.events.back()).into == kept.ticket.id);
  CHECK(events::read_payload<events::Merged>(stays.events.back()).from == dup.ticket.id);
  CHECK(stays.ticket.version == kept.ticket.version + 1);
  CHECK_THROWS_AS(merge(c, {kept.ticket, kept.events}, {kept.ticket, kept.events}), Error);
}

TEST_CASE("routing facts come from the history") {
  Story s;
  s.by(engineer, [](auto c, auto st) { return progress_update(c, st, "ordered a part"); }, 60);
  const Instant progress = s.now;
  s.by(Actor::customer(s.customer.id), [](auto c, auto st) { return comment(c, st, "thanks"); }, 30);
  const SlaStatus sla = sla_status({s.ticket, s.events, CustomerTier::normal}, s.desk.sla(), s.now);
  const EvaluationContext f =
      routing_facts({s.ticket, s.events, sla, &s.customer, &s.desk.calendars(), {}}, s.now);
  CHECK(f.assigned_at == at("2026-03-09T01:00:00Z"));
  CHECK(f.last_progress_at == progress);
  CHECK(f.last_customer_message_at == s.now);
  CHECK(f.sla_of(SlaTarget::resolution).present);
  CHECK(f.calendars == &s.desk.calendars());
}
