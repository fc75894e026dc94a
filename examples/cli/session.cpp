#include "session.hpp"

#include <filesystem>

#include "exit_codes.hpp"
#include "ticketcore/model/time.hpp"
#include "ticketcore/store/open_store.hpp"

namespace ticketcore::cli {

Actor parse_actor(std::string_view text) {
  const auto colon = text.find(':');
  const std::string_view word = text.substr(0, colon);
  const auto kind = enum_from_string<ActorKind>(word);
  if (!kind)
    throw UsageError("--as: unknown actor kind \"" + std::string(word) +
                     "\" (expected agent, supervisor, admin, customer or system)");
  const std::string id = colon == std::string_view::npos ? "" : std::string(text.substr(colon + 1));
  if (*kind == ActorKind::system) {
    if (!id.empty()) throw UsageError("--as: the system carries no id (write \"system\")");
  } else if (id.empty()) {
    throw UsageError("--as: " + std::string(word) + " needs an id (\"" + std::string(word) + ":ID\")");
  }
  return Actor{*kind, id};
}

Actor Session::actor() const { return parse_actor(options.as); }

std::shared_ptr<const Clock> Session::clock() const {
  if (clock_) return clock_;
  if (options.now.empty()) {
    clock_ = std::make_shared<SystemClock>();
  } else {
    const auto at = parse_instant(options.now);
    if (!at) throw UsageError("--now: not an RFC 3339 instant: \"" + options.now + "\"");
    clock_ = std::make_shared<ManualClock>(*at);
  }
  return clock_;
}

std::shared_ptr<Store> Session::open_store() const {
  if (!is_postgres_location(options.database) && !std::filesystem::exists(options.database))
    throw Error(ErrorCode::not_found, "--database",
                "no desk file " + options.database + " (create one with: ticketcore init)");
  return create_store();
}

std::shared_ptr<Store> Session::create_store() const {
  if (options.database.empty() || options.database == ":memory:")
    throw UsageError("--database: a desk file or a postgresql:// URI, not a store in memory");
  return ticketcore::open_store(options.database, "--database");
}

std::unique_ptr<Desk> Session::open_desk() const {
  auto store = open_store();
  const auto stored = store->read()->current_config();
  if (!stored)
    throw Error(ErrorCode::not_found, "--database",
                options.database + " holds no desk configuration (create one with: ticketcore init)");
  // The published text is the canonical document: reading it back gives the same version
  // and text, so Desk::open publishes nothing and only refreshes the people.
  return Desk::open(store, DeskConfig::from_json_text(stored->text), clock());
}

}  // namespace ticketcore::cli
