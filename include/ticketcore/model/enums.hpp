#pragma once
// The closed vocabularies of the domain (DOMAIN.md), each with its lower-case names.

#include <cstdint>
#include <string_view>

#include "ticketcore/model/enum_names.hpp"

namespace ticketcore {

/// What kind of customer: a person, a company, or a partner.
enum class CustomerKind : std::uint8_t { individual, enterprise, partner };
/// Customer tier, from purchase frequency or amount.
enum class CustomerTier : std::uint8_t { normal, vip, strategic };
/// Gender as the customer gave it; unspecified when not given.
enum class Gender : std::uint8_t { unspecified, female, male, other };
/// Where a request came in.
enum class Channel : std::uint8_t { phone, chat, email, portal, wechat, app, other };
/// The request type of DOMAIN.md section 2.
enum class RequestType : std::uint8_t { consultation, technical_support, complaint, other };
/// How urgent the customer's need is, one axis of the priority matrix.
enum class Urgency : std::uint8_t { low, medium, high, critical };
/// Ticket status; which transitions are allowed is the workflow's data.
enum class Status : std::uint8_t {
  new_ticket,  // "new"
  assigned,
  in_progress,
  pending_customer,
  resolved,
  closed,
  cancelled,
  merged,
};
/// The seven after-sales stages (DOMAIN.md section 4).
enum class Stage : std::uint8_t {
  intake,
  diagnosis,
  solution_plan,
  execution,
  confirmation,
  follow_up,
  archived,
};
/// Who is responsible for a fault, found in diagnosis.
enum class ResponsibleParty : std::uint8_t { company, customer, third_party };
/// An agent's role, which also sets what they may see (DOMAIN.md section 6).
enum class Role : std::uint8_t { agent, supervisor, admin };
/// An agent's seniority, used by tier-affinity assignment.
enum class Seniority : std::uint8_t { junior, regular, senior, expert };
/// What an entry of a ticket's history records.
enum class EventKind : std::uint8_t {
  created,
  assigned,
  status_changed,
  stage_changed,
  public_comment,
  internal_comment,
  progress_update,
  escalated,
  priority_changed,
  sla_warning,
  sla_breach,
  remedy_approval_requested,
  remedy_approved,
  remedy_refused,
  survey_sent,
  rated,
  solution_proposed,
  solution_chosen,
  responsibility_recorded,
  signed_off,
  merged,
  customer_changed,
};

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::CustomerKind, "individual", "enterprise", "partner");
TICKETCORE_ENUM_NAMES(ticketcore::CustomerTier, "normal", "vip", "strategic");
TICKETCORE_ENUM_NAMES(ticketcore::Gender, "unspecified", "female", "male", "other");
TICKETCORE_ENUM_NAMES(ticketcore::Channel, "phone", "chat", "email", "portal", "wechat", "app", "other");
TICKETCORE_ENUM_NAMES(ticketcore::RequestType, "consultation", "technical_support", "complaint", "other");
TICKETCORE_ENUM_NAMES(ticketcore::Urgency, "low", "medium", "high", "critical");
TICKETCORE_ENUM_NAMES(ticketcore::Status, "new", "assigned", "in_progress", "pending_customer", "resolved",
                      "closed", "cancelled", "merged");
TICKETCORE_ENUM_NAMES(ticketcore::Stage, "intake", "diagnosis", "solution_plan", "execution", "confirmation",
                      "follow_up", "archived");
TICKETCORE_ENUM_NAMES(ticketcore::ResponsibleParty, "company", "customer", "third_party");
TICKETCORE_ENUM_NAMES(ticketcore::Role, "agent", "supervisor", "admin");
TICKETCORE_ENUM_NAMES(ticketcore::Seniority, "junior", "regular", "senior", "expert");
TICKETCORE_ENUM_NAMES(ticketcore::EventKind, "created", "assigned", "status_changed", "stage_changed",
                      "public_comment", "internal_comment", "progress_update", "escalated",
                      "priority_changed", "sla_warning", "sla_breach", "remedy_approval_requested",
                      "remedy_approved", "remedy_refused", "survey_sent", "rated", "solution_proposed",
                      "solution_chosen", "responsibility_recorded", "signed_off", "merged",
                      "customer_changed");
