#pragma once
// The ticket: one customer request from intake to archive (DOMAIN.md sections 1-5).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ticketcore/model/attributes.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/money.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// Scope of impact, the other axis of the priority matrix.
struct Impact {
  std::int64_t users_affected = 0;      ///< >= 0
  std::optional<Money> estimated_loss;  ///< one customer's estimated loss
  bool core_business_down = false;      ///< the customer's core business is down

  friend bool operator==(const Impact&, const Impact&) = default;
};

/// Who is responsible for the fault, recorded in diagnosis.
struct Responsibility {
  ResponsibleParty party = ResponsibleParty::company;
  std::string note;  ///< why: "water damage", "carrier damage"

  friend bool operator==(const Responsibility&, const Responsibility&) = default;
};

/// One option of a solution plan (free part replacement, paid repair, ...).
struct SolutionOption {
  std::string id;     ///< unique within the ticket, required
  std::string title;  ///< required
  std::string description;
  std::int64_t duration_hours = 0;     ///< expected duration, >= 0
  std::optional<Money> fee;            ///< what the customer pays, if anything
  std::vector<std::string> resources;  ///< people, parts, vehicles

  friend bool operator==(const SolutionOption&, const SolutionOption&) = default;
};

/// The customer's satisfaction survey answer: 1-5 stars on three axes.
struct Satisfaction {
  int efficiency = 0;     ///< 1..5
  int attitude = 0;       ///< 1..5
  int effectiveness = 0;  ///< 1..5
  std::string comment;

  friend bool operator==(const Satisfaction&, const Satisfaction&) = default;
};

/// The record of a file attached to a ticket; the host stores the bytes.
struct Attachment {
  std::string name;             ///< file name, required
  std::string media_type;       ///< "image/jpeg", required
  std::int64_t size_bytes = 0;  ///< >= 0
  std::string checksum;         ///< e.g. "sha256:..."
  std::string storage_ref;      ///< the host's reference to the bytes, required

  friend bool operator==(const Attachment&, const Attachment&) = default;
};

/// A ticket.
struct Ticket {
  std::string id;           ///< year + month + serial, e.g. 202405-001
  std::string customer_id;  ///< required
  Channel channel = Channel::other;
  RequestType request_type = RequestType::other;
  std::string subtype;      ///< finer request type: "hardware_fault", "delivery"
  std::string subject;      ///< required
  std::string description;  ///< symptom, when it happened, what was tried
  Urgency urgency = Urgency::medium;
  Impact impact;
  std::string priority;  ///< a level of the desk's priority scheme ("P2"); empty until set
  Status status = Status::new_ticket;
  Stage stage = Stage::intake;
  std::string team;                               ///< team id; empty while in no team
  std::string assignee;                           ///< agent id; empty while unassigned
  std::optional<Instant> expected_resolution_at;  ///< what the customer asked for
  std::optional<Responsibility> responsibility;
  std::vector<SolutionOption> solution_options;  ///< 0 to 3 options
  std::string chosen_solution;                   ///< id of the option the customer chose
  std::optional<Satisfaction> satisfaction;
  std::vector<std::string> tags;
  Attributes attributes;  ///< the host's custom fields
  std::vector<Attachment> attachments;
  Instant created_at{};
  std::optional<Instant> first_response_at;
  std::optional<Instant> resolved_at;
  std::optional<Instant> closed_at;
  Instant updated_at{};
  std::int64_t version = 0;  ///< bumped by every stored change, for optimistic locking

  friend bool operator==(const Ticket&, const Ticket&) = default;
};

}  // namespace ticketcore
