#pragma once
// What every command shares: the global options, who acts, the clock, and the desk
// file with the configuration it keeps (so no command needs the config file after init).

#include <functional>
#include <memory>
#include <string>

#include "ticketcore/desk.hpp"
#include "ticketcore/store/store.hpp"

namespace ticketcore::cli {

/// The options every command takes (docs/cli.md, "Global options").
struct GlobalOptions {
  std::string database;  ///< the desk file (--database, TICKETCORE_DATABASE, ./desk.db)
  std::string as;        ///< the actor, "kind:id" or "system" (--as, TICKETCORE_AS, system)
  std::string now;       ///< RFC 3339; empty: the system clock
  bool json = false;     ///< machine-readable output on stdout (and errors on stderr)
};

/// One run of the tool: the options parsed, then the chosen command.
class Session {
 public:
  GlobalOptions options;          ///< filled by the command line
  std::function<void()> command;  ///< set by the chosen subcommand's callback, run after parsing

  /// The actor --as names; UsageError when it is malformed.
  Actor actor() const;
  /// A manual clock standing at --now, else the system clock; UsageError for a bad --now.
  std::shared_ptr<const Clock> clock() const;
  /// The clock's instant.
  Instant now() const { return clock()->now(); }

  /// Opens the desk's store: a PostgreSQL database ("postgresql://..."), or a desk file,
  /// which must exist: Error(not_found) at --database otherwise.
  std::shared_ptr<Store> open_store() const;
  /// Opens the desk's store, creating a desk file when missing (init, import).
  std::shared_ptr<Store> create_store() const;
  /// Opens the desk on the file under the configuration it keeps; Error(not_found) for a
  /// file that holds no desk yet.
  std::unique_ptr<Desk> open_desk() const;

 private:
  mutable std::shared_ptr<const Clock> clock_;
};

/// The actor written "kind:id" ("agent:t-01", "customer:C20260302001") or "system".
Actor parse_actor(std::string_view text);

}  // namespace ticketcore::cli
