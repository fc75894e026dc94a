#pragma once
// Ticket statuses, the transitions between them, the after-sales stages tied to
// them, and which statuses pause SLA clocks: all as data, DOMAIN.md's by default.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/enums.hpp"

namespace ticketcore {

/// The ticket workflow. Immutable once built; cheap to copy.
class Workflow {
 public:
  /// DOMAIN.md's default: new -> assigned -> in_progress <-> pending_customer ->
  /// resolved -> closed; resolved -> in_progress on reopen; any open status ->
  /// cancelled or merged; pending_customer pauses SLA clocks.
  static Workflow standard();

  /// Reads a workflow from JSON text (the form is in docs/workflow.md); throws Error naming the path.
  static Workflow from_json_text(std::string_view text);
  /// The workflow as JSON text, in the form from_json_text reads.
  std::string to_json_text() const;

  /// Whether a ticket may move from one status to another.
  bool allows(Status from, Status to) const;
  /// Throws Error{invalid_transition} naming both statuses unless allows(from, to).
  void check_transition(Status from, Status to) const;
  /// The statuses a ticket in `from` may move to, in enum order.
  std::vector<Status> next_statuses(Status from) const;

  /// Whether SLA clocks stand still while a ticket is in this status.
  bool pauses_sla(Status status) const;
  /// Whether a ticket in this status is finished (closed, cancelled, merged).
  bool is_final(Status status) const;
  /// Whether a ticket in this status counts as resolved (resolved, closed).
  bool is_resolved(Status status) const;
  /// Whether moving from `from` to `to` reopens a resolved ticket.
  bool is_reopen(Status from, Status to) const;

  /// Whether a ticket in `status` may be at `stage`.
  bool stage_fits(Stage stage, Status status) const;
  /// Whether the stage may move from one to another (forward one step, or back to rework).
  bool allows_stage(Stage from, Stage to) const;
  /// Throws Error{invalid_transition} unless allows_stage(from, to) and stage_fits(to, status).
  void check_stage_change(Status status, Stage from, Stage to) const;
  /// The stage a ticket should be at after its status changes to `status`:
  /// `current` if it fits, else the nearest later stage that fits, else the nearest earlier one.
  Stage stage_after(Status status, Stage current) const;

  friend bool operator==(const Workflow&, const Workflow&) = default;

 private:
  static constexpr std::size_t kStatuses = enum_count<Status>();
  static constexpr std::size_t kStages = enum_count<Stage>();

  std::array<std::uint16_t, kStatuses> next_{};          // bit per allowed target status
  std::array<std::uint16_t, kStages> stage_next_{};      // bit per allowed target stage
  std::array<std::uint16_t, kStages> stage_statuses_{};  // bit per status the stage fits
  std::uint16_t pausing_ = 0;                            // bit per status that pauses SLA
  std::uint16_t final_ = 0;                              // bit per final status
  std::uint16_t resolved_ = 0;                           // bit per status that counts as resolved
};

}  // namespace ticketcore
