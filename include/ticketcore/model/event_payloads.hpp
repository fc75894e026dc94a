#pragma once
// What each kind of event carries: one struct per kind, and one table per struct
// that names its payload keys. The commands write events through these and the SLA
// replay reads them back, so no payload key is spelled in two places (docs/json.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "ticketcore/error.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/escalation_level.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/sla/target.hpp"  // a leaf vocabulary: SLA events name their target

namespace ticketcore::events {

/// The ticket was taken in.
struct Created {
  std::string priority;  ///< the priority at creation
  std::string channel;   ///< where it came in (a Channel word)
  std::string config;    ///< the desk configuration version it was taken in under (DeskConfig::version)
};
/// The ticket got a new assignee and/or team; an empty `to` leaves it in the team's queue.
struct Assigned {
  std::string from;  ///< the previous assignee; empty when none
  std::string to;    ///< the new assignee; empty: queued
  std::string team;  ///< the team it belongs to afterwards
  std::string by;    ///< the assignment strategy that chose, or empty when a person chose
};
/// The status moved; resolve, close, reopen and cancel are status changes too.
struct StatusChanged {
  Status from = Status::new_ticket;  ///< the status before
  Status to = Status::new_ticket;    ///< the status after
  std::string reason;                ///< why (the resolution summary, the reopen reason, ...)
};
/// The after-sales stage moved.
struct StageChanged {
  Stage from = Stage::intake;  ///< the stage before
  Stage to = Stage::intake;    ///< the stage after
};
/// A message the customer sees; by an agent it is a response, by "customer" a reply.
struct PublicComment {
  std::string text;  ///< the message
};
/// A note only the desk sees.
struct InternalComment {
  std::string text;  ///< the note
};
/// The handler's periodic progress update (DOMAIN.md: at least every 24 h).
struct ProgressUpdate {
  std::string text;  ///< what was done, told to the customer
};
/// The ticket went up a level.
struct Escalated {
  EscalationLevel level = EscalationLevel::team_lead;  ///< the level that answered
  std::string team;                                     ///< the team escalated in
  std::string to;                                       ///< the person escalated to; empty: nobody answered
  std::string reason;                                   ///< why (an EscalationReason word, or a person's text)
  std::string key;                                      ///< the due action's key, when a sweep escalated
};
/// The priority changed (by a person or a rule).
struct PriorityChanged {
  std::string from;    ///< the level before
  std::string to;      ///< the level after
  std::string reason;  ///< why; required for a manual change
};
/// An SLA target passed a warning threshold (recorded when the sweep hands the warning out).
struct SlaWarning {
  SlaTarget target = SlaTarget::resolution;  ///< the target
  std::int64_t percent = 0;                  ///< the threshold passed
  std::string key;                           ///< the due action's key
};
/// An SLA target ran past its due time (recorded when the sweep hands the breach out).
struct SlaBreach {
  SlaTarget target = SlaTarget::resolution;  ///< the target
  std::string key;                           ///< the due action's key
};
/// A remedy (compensation, fix, process change) waits for approval before it is offered.
struct RemedyApprovalRequested {
  std::string remedy;                                    ///< what would be offered
  EscalationLevel approver = EscalationLevel::supervisor;  ///< who must approve: this level or above
};
/// The remedy was approved by the event's actor.
struct RemedyApproved {
  std::string note;  ///< the approver's note
};
/// The remedy was refused by the event's actor.
struct RemedyRefused {
  std::string reason;  ///< why
};
/// The satisfaction survey went out.
struct SurveySent {};
/// The customer's satisfaction rating (1-5 on three axes).
struct Rated {
  std::int64_t efficiency = 0;     ///< 1..5
  std::int64_t attitude = 0;       ///< 1..5
  std::int64_t effectiveness = 0;  ///< 1..5
  std::string comment;             ///< the customer's words
};
/// Solution options (1-3, on the ticket) were proposed to the customer.
struct SolutionProposed {
  std::int64_t options = 0;  ///< how many options
};
/// The customer chose a solution option.
struct SolutionChosen {
  std::string option;  ///< the option's id
};
/// Diagnosis recorded who is responsible for the fault.
struct ResponsibilityRecorded {
  ResponsibleParty party = ResponsibleParty::company;  ///< company, customer or third party
  std::string note;                                    ///< why
};
/// The customer signed a record (the diagnosis, a solution plan).
struct SignedOff {
  std::string what;  ///< "diagnosis" or "solution_plan"
};
/// Two tickets were merged: the merged one names `into`, the kept one names `from`.
struct Merged {
  std::string into;  ///< on the merged ticket: the ticket kept
  std::string from;  ///< on the kept ticket: the ticket merged into it
};
/// The ticket moved to another customer record (a merge of duplicates, or its reversal).
struct CustomerChanged {
  std::string from;    ///< the customer before
  std::string to;      ///< the customer after
  std::string reason;  ///< "customer_merge" or "merge_reversed"
};

/// One payload key: its name and the member it fills; `required` ones must be present on read.
template <class P, class M>
struct Key {
  std::string_view name;  ///< the key in Event::payload
  M P::*member;           ///< the struct member
  bool required = false;  ///< whether reading fails without it
};

/// The kind and keys of each payload; specialised once per struct, below.
template <class P>
struct Payload;

#define TICKETCORE_PAYLOAD(Type, Kind, ...)                          \
  template <>                                                        \
  struct Payload<Type> {                                             \
    static constexpr EventKind kind = EventKind::Kind;               \
    static constexpr auto keys = std::make_tuple(__VA_ARGS__);       \
  }

TICKETCORE_PAYLOAD(Created, created, Key<Created, std::string>{"priority", &Created::priority},
                   Key<Created, std::string>{"channel", &Created::channel},
                   Key<Created, std::string>{"config", &Created::config});
TICKETCORE_PAYLOAD(Assigned, assigned, Key<Assigned, std::string>{"from", &Assigned::from},
                   Key<Assigned, std::string>{"to", &Assigned::to}, Key<Assigned, std::string>{"team", &Assigned::team},
                   Key<Assigned, std::string>{"by", &Assigned::by});
TICKETCORE_PAYLOAD(StatusChanged, status_changed, Key<StatusChanged, Status>{"from", &StatusChanged::from},
                   Key<StatusChanged, Status>{"to", &StatusChanged::to, true},
                   Key<StatusChanged, std::string>{"reason", &StatusChanged::reason});
TICKETCORE_PAYLOAD(StageChanged, stage_changed, Key<StageChanged, Stage>{"from", &StageChanged::from},
                   Key<StageChanged, Stage>{"to", &StageChanged::to, true});
TICKETCORE_PAYLOAD(PublicComment, public_comment, Key<PublicComment, std::string>{"text", &PublicComment::text, true});
TICKETCORE_PAYLOAD(InternalComment, internal_comment,
                   Key<InternalComment, std::string>{"text", &InternalComment::text, true});
TICKETCORE_PAYLOAD(ProgressUpdate, progress_update,
                   Key<ProgressUpdate, std::string>{"text", &ProgressUpdate::text, true});
TICKETCORE_PAYLOAD(Escalated, escalated, Key<Escalated, EscalationLevel>{"level", &Escalated::level, true},
                   Key<Escalated, std::string>{"team", &Escalated::team}, Key<Escalated, std::string>{"to", &Escalated::to},
                   Key<Escalated, std::string>{"reason", &Escalated::reason},
                   Key<Escalated, std::string>{"key", &Escalated::key});
TICKETCORE_PAYLOAD(PriorityChanged, priority_changed, Key<PriorityChanged, std::string>{"from", &PriorityChanged::from},
                   Key<PriorityChanged, std::string>{"to", &PriorityChanged::to, true},
                   Key<PriorityChanged, std::string>{"reason", &PriorityChanged::reason});
TICKETCORE_PAYLOAD(SlaWarning, sla_warning, Key<SlaWarning, SlaTarget>{"target", &SlaWarning::target, true},
                   Key<SlaWarning, std::int64_t>{"percent", &SlaWarning::percent, true},
                   Key<SlaWarning, std::string>{"key", &SlaWarning::key});
TICKETCORE_PAYLOAD(SlaBreach, sla_breach, Key<SlaBreach, SlaTarget>{"target", &SlaBreach::target, true},
                   Key<SlaBreach, std::string>{"key", &SlaBreach::key});
TICKETCORE_PAYLOAD(RemedyApprovalRequested, remedy_approval_requested,
                   Key<RemedyApprovalRequested, std::string>{"remedy", &RemedyApprovalRequested::remedy, true},
                   Key<RemedyApprovalRequested, EscalationLevel>{"approver", &RemedyApprovalRequested::approver, true});
TICKETCORE_PAYLOAD(RemedyApproved, remedy_approved, Key<RemedyApproved, std::string>{"note", &RemedyApproved::note});
TICKETCORE_PAYLOAD(RemedyRefused, remedy_refused,
                   Key<RemedyRefused, std::string>{"reason", &RemedyRefused::reason, true});
template <>
struct Payload<SurveySent> {
  static constexpr EventKind kind = EventKind::survey_sent;
  static constexpr std::tuple<> keys{};
};
TICKETCORE_PAYLOAD(Rated, rated, Key<Rated, std::int64_t>{"efficiency", &Rated::efficiency, true},
                   Key<Rated, std::int64_t>{"attitude", &Rated::attitude, true},
                   Key<Rated, std::int64_t>{"effectiveness", &Rated::effectiveness, true},
                   Key<Rated, std::string>{"comment", &Rated::comment});
TICKETCORE_PAYLOAD(SolutionProposed, solution_proposed,
                   Key<SolutionProposed, std::int64_t>{"options", &SolutionProposed::options, true});
TICKETCORE_PAYLOAD(SolutionChosen, solution_chosen,
                   Key<SolutionChosen, std::string>{"option", &SolutionChosen::option, true});
TICKETCORE_PAYLOAD(ResponsibilityRecorded, responsibility_recorded,
                   Key<ResponsibilityRecorded, ResponsibleParty>{"party", &ResponsibilityRecorded::party, true},
                   Key<ResponsibilityRecorded, std::string>{"note", &ResponsibilityRecorded::note});
TICKETCORE_PAYLOAD(SignedOff, signed_off, Key<SignedOff, std::string>{"what", &SignedOff::what, true});
TICKETCORE_PAYLOAD(Merged, merged, Key<Merged, std::string>{"into", &Merged::into},
                   Key<Merged, std::string>{"from", &Merged::from});
TICKETCORE_PAYLOAD(CustomerChanged, customer_changed,
                   Key<CustomerChanged, std::string>{"from", &CustomerChanged::from, true},
                   Key<CustomerChanged, std::string>{"to", &CustomerChanged::to, true},
                   Key<CustomerChanged, std::string>{"reason", &CustomerChanged::reason});

#undef TICKETCORE_PAYLOAD

namespace detail {

inline AttributeValue to_value(const std::string& v) { return v; }
inline AttributeValue to_value(std::int64_t v) { return v; }
inline AttributeValue to_value(EscalationLevel v) { return std::int64_t{level_number(v)}; }
template <class E>
  requires std::is_enum_v<E>
AttributeValue to_value(E v) {
  return std::string(to_string(v));
}

inline bool from_value(const AttributeValue& v, std::string& out) {
  const auto* s = std::get_if<std::string>(&v);
  return s && (out = *s, true);
}
inline bool from_value(const AttributeValue& v, std::int64_t& out) {
  const auto* n = std::get_if<std::int64_t>(&v);
  return n && (out = *n, true);
}
inline bool from_value(const AttributeValue& v, EscalationLevel& out) {
  const auto* n = std::get_if<std::int64_t>(&v);
  if (!n || *n < 1 || *n > 4) return false;
  out = static_cast<EscalationLevel>(*n);
  return true;
}
template <class E>
  requires std::is_enum_v<E>
bool from_value(const AttributeValue& v, E& out) {
  const auto* s = std::get_if<std::string>(&v);
  const auto e = s ? enum_from_string<E>(*s) : std::nullopt;
  return e && (out = *e, true);
}

// Throws the error for a value of the wrong type or an unknown word, quoting the value.
[[noreturn]] inline void refuse_value(const Event& e, std::string_view key, const AttributeValue& v) {
  const auto* word = std::get_if<std::string>(&v);
  throw_invalid("/payload/" + std::string(key),
                (word ? "unknown word \"" + *word + "\"" : std::string("wrong type")) + " for a " +
                    std::string(to_string(e.kind)) + " event");
}

}  // namespace detail

/// The key of a payload member, from its payload's key table ("to" for &StatusChanged::to).
template <class P, class M>
constexpr std::string_view key_name(M P::*member) {
  std::string_view name;
  std::apply(
      [&](const auto&... key) {
        auto match = [&](const auto& k) {
          if constexpr (std::is_same_v<decltype(k.member), M P::*>)
            if (k.member == member) name = k.name;
        };
        (match(key), ...);
      },
      Payload<P>::keys);
  return name;
}

/// The payload of a struct, as Event::payload holds it (empty text is left out).
template <class P>
Attributes to_payload(const P& p) {
  Attributes out;
  std::apply(
      [&](const auto&... key) {
        auto put = [&](const auto& k) {
          const auto& v = p.*(k.member);
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>)
            if (v.empty()) return;
          out.emplace(std::string(k.name), detail::to_value(v));
        };
        (put(key), ...);
      },
      Payload<P>::keys);
  return out;
}

/// An event of the payload's kind, ready to append (the store numbers it).
template <class P>
Event make_event(const std::string& ticket_id, const std::string& actor, Instant at, const P& p) {
  return Event{0, ticket_id, Payload<P>::kind, actor, at, to_payload(p)};
}

/// Reads an event's payload; throws Error naming "/payload/KEY" when a required key is
/// missing or a key holds the wrong type or an unknown word. Unknown keys are kept by the
/// event and ignored here.
template <class P>
P read_payload(const Event& e) {
  P p{};
  std::apply(
      [&](const auto&... key) {
        auto get = [&](const auto& k) {
          auto it = e.payload.find(k.name);
          if (it == e.payload.end()) {
            if (k.required)
              throw_invalid("/payload/" + std::string(k.name),
                            "missing for a " + std::string(to_string(e.kind)) + " event");
            return;
          }
          if (!detail::from_value(it->second, p.*(k.member))) detail::refuse_value(e, k.name, it->second);
        };
        (get(key), ...);
      },
      Payload<P>::keys);
  return p;
}

/// One member of an event's payload, for readers that need one key of most events (the
/// SLA replay): the key's value, else what read_payload says of it (the default, or its error).
template <class P, class M>
M read_key(const Event& e, M P::*member) {
  auto it = e.payload.find(key_name(member));
  if (M value{}; it != e.payload.end() && detail::from_value(it->second, value)) return value;
  return read_payload<P>(e).*member;
}

}  // namespace ticketcore::events
