#pragma once
// A plain tree-walking interpreter of the rule language, straight from docs/rules.md:
// it walks the rule set's JSON for every ticket and looks fields up by name. Slow
// and obviously correct; the differential tests hold the compiled evaluator to it.
// It assumes a rule set that RuleSet::from_json_text accepted.

#include <re2/re2.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ticketcore/model/ticket.hpp"
#include "ticketcore/routing/facts.hpp"

namespace ticketcore::reference {

using json = nlohmann::json;

/// What the reference decided, all as plain strings.
struct Outcome {
  std::vector<std::string> matched_rules;
  std::string team, agent, assign, priority, priority_reason, sla_policy, escalation_reason;
  int escalation_level = 0;
  std::vector<std::string> tags_added, tags_removed;
  std::vector<std::string> notifications;  // "rule|template|recipient,recipient"
  std::vector<std::string> approvals;      // "rule|approver|reason"
};

/// A value a rule sees; kind "missing", "text", "number", "boolean", "tags" or "instant".
struct Seen {
  std::string kind = "missing";
  std::string text;
  double number = 0;
  bool boolean = false;
  std::vector<std::string> tags;
  long long instant = 0;
};

class Interpreter {
 public:
  explicit Interpreter(json rule_set) : rules_(std::move(rule_set)) {}

  Outcome run(const Ticket& t, const EvaluationContext& ctx) {
    Outcome out;
    for (const json& rule : rules_["rules"]) {
      if (rule.contains("enabled") && !rule["enabled"].get<bool>()) continue;
      if (!holds(rule["when"], t, ctx)) continue;
      out.matched_rules.push_back(rule["id"]);
      for (const json& action : rule["then"]) act(rule["id"], action, out);
      if (rule.contains("stop") && rule["stop"].get<bool>()) break;
    }
    return out;
  }

  bool holds(const json& c, const Ticket& t, const EvaluationContext& ctx) {
    if (c.contains("all")) {
      for (const json& x : c["all"])
        if (!holds(x, t, ctx)) return false;
      return true;
    }
    if (c.contains("any")) {
      for (const json& x : c["any"])
        if (holds(x, t, ctx)) return true;
      return false;
    }
    if (c.contains("not")) return !holds(c["not"], t, ctx);
    return compare(c, field(c, t, ctx));
  }

  static Seen text(const std::string& s) {
    Seen v;
    v.kind = "text";
    v.text = s;
    return v;
  }
  static Seen number(double d) {
    Seen v;
    v.kind = "number";
    v.number = d;
    return v;
  }
  static Seen boolean(bool b) {
    Seen v;
    v.kind = "boolean";
    v.boolean = b;
    return v;
  }
  static Seen tags(const std::vector<std::string>& list) {
    Seen v;
    v.kind = "tags";
    v.tags = list;
    return v;
  }
  static Seen instant(Instant t) {
    Seen v;
    v.kind = "instant";
    v.instant = to_unix(t);
    return v;
  }
  static Seen attribute(const Attributes& attributes, const std::string& name) {
    auto it = attributes.find(name);
    if (it == attributes.end()) return {};
    if (auto b = std::get_if<bool>(&it->second)) return boolean(*b);
    if (auto i = std::get_if<std::int64_t>(&it->second)) return number(static_cast<double>(*i));
    if (auto d = std::get_if<double>(&it->second)) return number(*d);
    if (auto s = std::get_if<std::string>(&it->second)) return text(*s);
    return {};
  }
  static Seen hours(Instant from, Instant to) {
    return number(static_cast<double>((to - from).count()) / 3600.0);
  }

  static Seen field(const json& c, const Ticket& t, const EvaluationContext& ctx) {
    const std::string f = c["field"];
    const Customer* cu = ctx.customer;
    if (f == "id") return text(t.id);
    if (f == "customer_id") return text(t.customer_id);
    if (f == "channel") return text(std::string(to_string(t.channel)));
    if (f == "request_type") return text(std::string(to_string(t.request_type)));
    if (f == "subtype") return text(t.subtype);
    if (f == "subject") return text(t.subject);
    if (f == "description") return text(t.description);
    if (f == "urgency") return text(std::string(to_string(t.urgency)));
    if (f == "priority") return text(t.priority);
    if (f == "status") return text(std::string(to_string(t.status)));
    if (f == "stage") return text(std::string(to_string(t.stage)));
    if (f == "team") return text(t.team);
    if (f == "assignee") return text(t.assignee);
    if (f == "tags") return tags(t.tags);
    if (f == "impact.users_affected") return number(static_cast<double>(t.impact.users_affected));
    if (f == "impact.estimated_loss.amount")
      return t.impact.estimated_loss ? number(t.impact.estimated_loss->amount) : Seen{};
    if (f == "impact.estimated_loss.currency")
      return t.impact.estimated_loss ? text(t.impact.estimated_loss->currency) : Seen{};
    if (f == "impact.core_business_down") return boolean(t.impact.core_business_down);
    if (f == "responsibility.party")
      return t.responsibility ? text(std::string(to_string(t.responsibility->party))) : Seen{};
    if (f == "chosen_solution") return text(t.chosen_solution);
    if (f == "created_at") return instant(t.created_at);
    if (f == "updated_at") return instant(t.updated_at);
    if (f == "expected_resolution_at")
      return t.expected_resolution_at ? instant(*t.expected_resolution_at) : Seen{};
    if (f == "first_response_at") return t.first_response_at ? instant(*t.first_response_at) : Seen{};
    if (f == "resolved_at") return t.resolved_at ? instant(*t.resolved_at) : Seen{};
    if (f.rfind("customer.attributes.", 0) == 0) return cu ? attribute(cu->attributes, f.substr(20)) : Seen{};
    if (f.rfind("attributes.", 0) == 0) return attribute(t.attributes, f.substr(11));
    if (f == "customer.id") return cu ? text(cu->id) : Seen{};
    if (f == "customer.kind") return cu ? text(std::string(to_string(cu->kind))) : Seen{};
    if (f == "customer.tier") return cu ? text(std::string(to_string(cu->tier))) : Seen{};
    if (f == "customer.industry") return cu ? text(cu->industry) : Seen{};
    if (f == "customer.company") return cu ? text(cu->company) : Seen{};
    if (f == "customer.department") return cu ? text(cu->department) : Seen{};
    if (f == "customer.tags") return cu ? tags(cu->tags) : Seen{};
    if (f == "customer.created_at") return cu ? instant(cu->created_at) : Seen{};
    if (f == "customer.in_warranty") return ctx.customer_in_warranty ? boolean(*ctx.customer_in_warranty) : Seen{};
    if (f == "hours_since_created") return hours(t.created_at, ctx.now);
    if (f == "hours_since_updated") return hours(t.updated_at, ctx.now);
    if (f == "hours_since_customer_message")
      return ctx.last_customer_message_at ? hours(*ctx.last_customer_message_at, ctx.now) : Seen{};
    if (f == "hours_since_assigned") return ctx.assigned_at ? hours(*ctx.assigned_at, ctx.now) : Seen{};
    if (f == "hours_since_progress")
      return ctx.last_progress_at ? hours(*ctx.last_progress_at, ctx.now) : Seen{};
    if (f == "hours_without_progress") {
      if (!ctx.assigned_at) return {};
      Instant from = *ctx.assigned_at;
      if (ctx.last_progress_at && *ctx.last_progress_at > from) from = *ctx.last_progress_at;
      return hours(from, ctx.now);
    }
    if (f.rfind("sla.", 0) == 0) {
      const auto dot = f.find('.', 4);
      const auto& s = ctx.sla_of(*enum_from_string<SlaTarget>(f.substr(4, dot - 4)));
      if (!s.present) return {};
      if (f.substr(dot + 1) == "percent_used") return number(s.percent_used);
      return number(static_cast<double>(s.business_remaining.count()) / 3600.0);
    }
    if (f == "customer.tickets_opened") {
      // Count one by one: created in (now - days, now].
      const Instant from = ctx.now - Seconds{c["days"].get<long long>() * 86400};
      int n = 0;
      for (Instant at : ctx.customer_ticket_created_at)
        if (at > from && at <= ctx.now) ++n;
      return number(n);
    }
    if (f == "calendar_open") {
      if (!ctx.calendars) return {};
      const BusinessCalendar* calendar = ctx.calendars->find(c["calendar"].get<std::string>());
      return calendar ? boolean(calendar->is_open(ctx.now)) : Seen{};
    }
    return {};
  }

  // Whether the ticket's value equals one rule value.
  static bool equals(const Seen& v, const json& x) {
    if (v.kind == "text") return x.is_string() && x.get<std::string>() == v.text;
    if (v.kind == "number") return x.is_number() && x.get<double>() == v.number;
    if (v.kind == "boolean") return x.is_boolean() && x.get<bool>() == v.boolean;
    if (v.kind == "instant")
      return x.is_string() && to_unix(*parse_instant(x.get<std::string>())) == v.instant;
    return false;
  }

  // -1, 0, 1, or 2 when the two do not compare.
  static int order(const Seen& v, const json& x) {
    if (v.kind == "number" && x.is_number()) {
      double d = x.get<double>();
      return v.number < d ? -1 : v.number > d ? 1 : 0;
    }
    if (v.kind == "instant" && x.is_string()) {
      long long d = to_unix(*parse_instant(x.get<std::string>()));
      return v.instant < d ? -1 : v.instant > d ? 1 : 0;
    }
    return 2;
  }

  bool compare(const json& c, const Seen& v) {
    const std::string op = c["op"];
    if (op == "exists") return v.kind != "missing";
    if (op == "is_empty")
      return v.kind == "missing" || (v.kind == "text" && v.text.empty()) ||
             (v.kind == "tags" && v.tags.empty());
    if (v.kind == "missing") return false;
    if (op == "ne") return !positive("eq", c["value"], v);
    if (op == "not_in") return !positive("in", c["value"], v);
    if (op == "not_contains") return !positive("contains", c["value"], v);
    return positive(op, c["value"], v);
  }

  bool positive(const std::string& op, const json& value, const Seen& v) {
    auto has_tag = [&](const std::string& tag) {
      return std::find(v.tags.begin(), v.tags.end(), tag) != v.tags.end();
    };
    if (op == "eq") return equals(v, value);
    if (op == "in") {
      for (const json& x : value) {
        if (v.kind == "tags" ? has_tag(x.get<std::string>()) : equals(v, x)) return true;
      }
      return false;
    }
    if (op == "contains") {
      if (v.kind == "tags") return has_tag(value.get<std::string>());
      return v.kind == "text" && v.text.find(value.get<std::string>()) != std::string::npos;
    }
    if (op == "starts_with") return v.kind == "text" && v.text.rfind(value.get<std::string>(), 0) == 0;
    if (op == "matches")
      return v.kind == "text" && RE2::PartialMatch(v.text, regex(value.get<std::string>()));
    if (op == "gt") return order(v, value) == 1;
    if (op == "gte") return order(v, value) == 1 || order(v, value) == 0;
    if (op == "lt") return order(v, value) == -1;
    if (op == "lte") return order(v, value) == -1 || order(v, value) == 0;
    if (op == "between") {
      int lo = order(v, value[0]), hi = order(v, value[1]);
      return (lo == 0 || lo == 1) && (hi == 0 || hi == -1);
    }
    return false;
  }

  const RE2& regex(const std::string& pattern) {
    auto& slot = regexes_[pattern];
    if (!slot) slot = std::make_unique<RE2>(pattern);
    return *slot;
  }

  static void act(const std::string& rule, const json& action, Outcome& out) {
    const std::string key = action.begin().key();
    const json& v = action.begin().value();
    auto erase = [](std::vector<std::string>& list, const std::string& x) {
      list.erase(std::remove(list.begin(), list.end(), x), list.end());
    };
    auto add = [](std::vector<std::string>& list, const std::string& x) {
      if (std::find(list.begin(), list.end(), x) == list.end()) list.push_back(x);
    };
    if (key == "set_team")
      out.team = v;
    else if (key == "set_agent")
      out.agent = v;
    else if (key == "assign_by")
      out.assign = v;
    else if (key == "set_sla_policy")
      out.sla_policy = v;
    else if (key == "set_priority") {
      out.priority = v["level"];
      out.priority_reason = v["reason"];
    } else if (key == "add_tag") {
      erase(out.tags_removed, v);
      add(out.tags_added, v);
    } else if (key == "remove_tag") {
      erase(out.tags_added, v);
      add(out.tags_removed, v);
    } else if (key == "escalate") {
      int level = v["level"];
      if (level > out.escalation_level) {
        out.escalation_level = level;
        out.escalation_reason = v.value("reason", "");
      }
    } else if (key == "notify") {
      std::string who;
      for (const char* r : {"handler", "supervisor", "customer"})
        for (const json& x : v["recipients"])
          if (x == r) {
            who += (who.empty() ? "" : ",") + std::string(r);
            break;
          }
      out.notifications.push_back(rule + "|" + v["template"].get<std::string>() + "|" + who);
    } else if (key == "require_approval") {
      out.approvals.push_back(rule + "|" + v.value("approver", "supervisor") + "|" +
                              v["reason"].get<std::string>());
    }
  }

 private:
  json rules_;
  std::map<std::string, std::unique_ptr<RE2>> regexes_;
};

}  // namespace ticketcore::reference
