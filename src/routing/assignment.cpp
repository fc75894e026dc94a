// Running a strategy chain: filters, chooser, fallback, queue (docs/assignment.md).
#include "ticketcore/routing/assignment.hpp"

#include <algorithm>
#include <span>
#include <optional>
#include <variant>

#include "ticketcore/error.hpp"

namespace ticketcore {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// The ticket's text value a certification or language filter asks for; nullopt when
// the ticket has none (no subtype, or the attribute is absent, not text or empty).
std::optional<std::string_view> ticket_value(const Ticket& ticket, const AssignmentFilter& f) {
  if (f.attribute.empty()) {
    if (ticket.subtype.empty()) return std::nullopt;
    return std::string_view(ticket.subtype);
  }
  auto it = ticket.attributes.find(f.attribute);
  if (it == ticket.attributes.end()) return std::nullopt;
  const auto* text = std::get_if<std::string>(&it->second);
  if (!text || text->empty()) return std::nullopt;
  return std::string_view(*text);
}

// One assignment's view of the request, with per-call caches: each agent's load is
// looked up once, each calendar (by the agent's own id, or by team) asked once.
class Run {
 public:
  Run(const AssignmentRequest& request, std::span<const Agent> agents, const Workload& workload)
      : req_(request), agents_(agents), workload_(workload), loads_(agents.size(), -1) {}

  std::int64_t open_tickets(std::uint32_t i) {
    std::int64_t& load = loads_[i];
    if (load < 0) {
      auto it = workload_.open_tickets.find(agents_[i].id);
      load = it == workload_.open_tickets.end() ? 0 : std::max<std::int64_t>(it->second, 0);
    }
    return load;
  }

  // The first reason a filter sets agent i aside, or nullopt when it passes.
  std::optional<RejectReason> check(const AssignmentFilter& f, const std::optional<std::string_view>& value,
                                    std::uint32_t i) {
    const Agent& agent = agents_[i];
    switch (f.kind) {
      case FilterKind::team:  // the pool: agents of other teams were never candidates
        break;
      case FilterKind::role:
        if (std::find(f.roles.begin(), f.roles.end(), agent.role) == f.roles.end()) return RejectReason::role;
        break;
      case FilterKind::skills:
        for (const auto& skill : f.skills)
          if (!contains(agent.skills, skill)) return RejectReason::missing_skill;
        break;
      case FilterKind::certification:
        if (!value) {
          if (!f.keep_if_missing) return RejectReason::no_requirement;
        } else if (!contains(agent.certifications, *value)) {
          return RejectReason::not_certified;
        }
        break;
      case FilterKind::language:
        if (!value) {
          if (!f.keep_if_missing) return RejectReason::no_requirement;
        } else if (!contains(agent.languages, *value)) {
          return RejectReason::language;
        }
        break;
      case FilterKind::seniority:
        if (agent.seniority < f.at_least) return RejectReason::seniority;
        break;
      case FilterKind::tier_affinity:
        if (agent.seniority < f.tier_minimum[static_cast<std::size_t>(req_.tier)])
          return RejectReason::below_tier;
        break;
      case FilterKind::availability:
        if (!agent.active) return RejectReason::inactive;
        if (agent.away) return RejectReason::away;
        return working_now(agent);
      case FilterKind::capacity:
        if (open_tickets(i) >= agent.max_concurrent_tickets) return RejectReason::at_capacity;
        break;
    }
    return std::nullopt;
  }

 private:
  // Whether the agent's working calendar is open now: the agent's own, else the
  // team's, else the desk default; nobody naming one means no hours limit.
  std::optional<RejectReason> working_now(const Agent& agent) {
    const bool own = !agent.calendar.empty();
    const std::string_view key = own ? agent.calendar : agent.team;
    for (const auto& c : calendar_answers_)
      if (c.own == own && c.key == key) return c.answer;
    const std::string* id = &agent.calendar;
    if (!own) {
      auto t = std::find_if(req_.teams.begin(), req_.teams.end(),
                            [&](const Team& x) { return x.id == agent.team; });
      if (t != req_.teams.end()) id = &t->calendar;
      if (id->empty()) id = &req_.calendars.default_id;
    }
    std::optional<RejectReason> answer;
    if (!id->empty()) {
      const BusinessCalendar* calendar = req_.calendars.find(*id);
      if (!calendar)
        answer = RejectReason::unknown_calendar;
      else if (!calendar->is_open(req_.now))
        answer = RejectReason::off_calendar;
    }
    calendar_answers_.push_back({own, key, answer});
    return answer;
  }

  struct CalendarAnswer {
    bool own;  // keyed by the agent's own calendar id, else by team id
    std::string_view key;
    std::optional<RejectReason> answer;  // nullopt: open now
  };

  const AssignmentRequest& req_;
  std::span<const Agent> agents_;
  const Workload& workload_;
  std::vector<std::int64_t> loads_;  // by index into agents_; -1: not looked up yet
  std::vector<CalendarAnswer> calendar_answers_;
};

// The team a strategy works in: its team filter's team, else the ticket's team.
std::string_view strategy_team(const AssignmentStrategy& s, const Ticket& ticket, bool& has_team_filter) {
  has_team_filter = false;
  for (const auto& f : s.filters)
    if (f.kind == FilterKind::team) {
      has_team_filter = true;
      return f.team.empty() ? std::string_view(ticket.team) : std::string_view(f.team);
    }
  return ticket.team;
}

}  // namespace

Assignment assign(const AssignmentConfig& config, std::string_view strategy_id,
                  const AssignmentRequest& request, Workload workload) {
  const AssignmentStrategy* strategy = config.find(strategy_id);
  if (!strategy)
    throw Error(ErrorCode::not_found, "", "unknown assignment strategy \"" + std::string(strategy_id) + "\"");

  Assignment out;
  out.agents = request.agents;
  const std::span<const Agent> agents = out.agents ? std::span<const Agent>(*out.agents) : std::span<const Agent>();
  out.rejections.reserve(agents.size());
  Run run(request, agents, workload);
  std::optional<std::string_view> queue_team;
  std::vector<std::uint32_t> candidates;
  std::vector<std::optional<std::string_view>> values;

  // A validated config has no loops, so the chain ends; the bound is a second guard.
  for (std::size_t step = 0; strategy && step < config.strategies().size(); ++step) {
    out.steps.push_back(strategy->id);
    const auto step_index = static_cast<std::uint16_t>(step);
    bool has_team_filter = false;
    const std::string_view team = strategy_team(*strategy, request.ticket, has_team_filter);
    if (!queue_team && has_team_filter) queue_team = team;

    const auto& filters = strategy->filters;
    values.assign(filters.size(), std::nullopt);
    for (std::size_t k = 0; k < filters.size(); ++k)
      if (filters[k].kind == FilterKind::certification || filters[k].kind == FilterKind::language)
        values[k] = ticket_value(request.ticket, filters[k]);

    // A team filter draws the pool: agents of other teams are not candidates, and
    // listing them as rejected would bury the team's own reasons.
    candidates.clear();
    for (std::uint32_t i = 0; i < agents.size(); ++i) {
      if (has_team_filter && agents[i].team != team) continue;
      bool kept = true;
      for (std::size_t k = 0; k < filters.size() && kept; ++k)
        if (auto reason = run.check(filters[k], values[k], i)) {
          out.rejections.push_back({agents[i].id, step_index, static_cast<std::uint16_t>(k), *reason});
          kept = false;
        }
      if (kept) candidates.push_back(i);
    }

    // The chooser; agent ids break every tie, so the pick does not depend on list order.
    std::optional<std::uint32_t> chosen;
    if (strategy->chooser == ChooserKind::least_loaded) {
      std::int64_t best_load = 0;
      for (auto i : candidates) {
        const Agent& a = agents[i];
        const std::int64_t load = run.open_tickets(i);
        if (load >= a.max_concurrent_tickets) {
          out.rejections.push_back(
              {agents[i].id, step_index, static_cast<std::uint16_t>(filters.size()), RejectReason::at_capacity});
          continue;
        }
        if (!chosen || load < best_load || (load == best_load && a.id < agents[*chosen].id)) {
          chosen = i;
          best_load = load;
        }
      }
    } else {
      auto cursor_it = workload.last_assigned.find(team);
      const std::string_view cursor = cursor_it == workload.last_assigned.end()
                                          ? std::string_view()
                                          : std::string_view(cursor_it->second);
      std::optional<std::uint32_t> first, next;  // lowest id overall; lowest id after the cursor
      for (auto i : candidates) {
        const std::string& id = agents[i].id;
        if (!first || id < agents[*first].id) first = i;
        if (id > cursor && (!next || id < agents[*next].id)) next = i;
      }
      chosen = next ? next : first;
    }

    if (chosen) {
      const Agent& a = agents[*chosen];
      out.agent = a.id;
      out.team = a.team;
      out.decided_by = step;
      ++workload.open_tickets[a.id];
      // Find before inserting: the team's cursor is usually there already.
      if (auto cursor = workload.last_assigned.find(team); cursor != workload.last_assigned.end())
        cursor->second = a.id;
      else
        workload.last_assigned.emplace(team, a.id);
      out.workload = std::move(workload);
      return out;
    }
    strategy = strategy->fallback.empty() ? nullptr : config.find(strategy->fallback);
  }

  out.team = queue_team ? std::string(*queue_team) : request.ticket.team;
  out.decided_by = out.steps.size();
  out.workload = std::move(workload);
  return out;
}

std::string explain(const Assignment& assignment, const AssignmentConfig& config) {
  // Appends only: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string temporaries.
  std::string text;
  for (std::size_t step = 0; step < assignment.steps.size(); ++step) {
    const AssignmentStrategy* s = config.find(assignment.steps[step]);
    text += "step ";
    text += std::to_string(step + 1);
    text += " \"";
    text += assignment.steps[step];
    text += '"';
    if (s) {
      text += " (";
      text += ticketcore::to_string(s->chooser);
      text += ')';
    }
    if (step == assignment.decided_by) {
      text += ": chose ";
      text += assignment.agent;
    } else {
      text += ": nobody fits";
    }
    text += '\n';
    for (const auto& r : assignment.rejections) {
      if (r.step != step) continue;
      text += "  ";
      text += r.agent;
      if (s && r.filter < s->filters.size()) {
        text += ": filter ";
        text += std::to_string(r.filter + 1);
        text += " (";
        text += ticketcore::to_string(s->filters[r.filter].kind);
        text += ')';
      } else {
        text += ": chooser";
      }
      text += ": ";
      text += ticketcore::to_string(r.reason);
      text += '\n';
    }
  }
  if (assignment.queued()) {
    text += "left in the queue of team \"";
    text += assignment.team;
    text += "\"\n";
  }
  return text;
}

}  // namespace ticketcore
