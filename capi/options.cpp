// Opening and closing a desk: tc_desk_options read under its size rule, the store
// chosen from its one `store` field, the configuration and people, the clock.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "arguments.hpp"
#include "desk_handle.hpp"
#include "model/json_read.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/store/open_store.hpp"

namespace ticketcore::capi {
namespace {

// The sizes of tc_desk_options this library knows, one per published layout. The struct
// only grows at the end: when it does, add the new size here and read the new fields
// only when `size` covers them, so programs built against an older header keep working.
// A larger size comes from a newer header than this library: refused, since the caller
// would set fields we would silently ignore.
constexpr std::size_t kKnownOptionSizes[] = {sizeof(tc_desk_options)};

// Unix seconds the clock may stand at: the years 1970 to 9999, which RFC 3339 can write.
constexpr std::int64_t kLatestInstant = 253402300799;

[[noreturn]] void refuse(std::string path, std::string message) {
  throw ArgumentError("options", Error(ErrorCode::invalid_input, std::move(path), std::move(message)));
}

Instant instant_arg(std::int64_t unix_seconds, const char* name, const char* path) {
  if (unix_seconds < 0 || unix_seconds > kLatestInstant)
    throw ArgumentError(name, Error(ErrorCode::invalid_input, path,
                                    "out of range: " + std::to_string(unix_seconds) + " (expected 0 to " +
                                        std::to_string(kLatestInstant) + ", the years 1970 to 9999)"));
  return Instant(std::chrono::seconds(unix_seconds));
}

void check_size(const tc_desk_options& options) {
  for (std::size_t known : kKnownOptionSizes)
    if (options.size == known) return;
  refuse("/size", "unknown size " + std::to_string(options.size) + " (this library knows " +
                      std::to_string(sizeof(tc_desk_options)) + "; start from TC_DESK_OPTIONS_INIT)");
}

// A text field of the options: valid UTF-8 (NULL was handled by the caller).
std::string_view option_text(const char* value, const char* path) {
  const std::string_view text(value);
  if (!detail::json_read::valid_utf8(text)) refuse(path, "not valid UTF-8");
  return text;
}

// The store field: in memory, an SQLite file, or a PostgreSQL connection URI.
std::shared_ptr<Store> store_arg(const char* store) {
  return open_store(store ? option_text(store, "/store") : std::string_view(), "/store");
}

// The host's people, {"teams": [...], "agents": [...]}, in place of the configuration's.
DeskConfig with_people(const DeskConfig& config, const char* people_json) {
  std::vector<Team> teams = config.teams();
  std::vector<Agent> agents = config.agents();
  const nlohmann::json j = parse_json(option_text(people_json, "/people_json"));
  detail::json_read::ObjectReader r(j, "/people_json");
  auto list = [&](const char* key, auto& out) {
    using Item = typename std::decay_t<decltype(out)>::value_type;
    const nlohmann::json* v = r.take(key);
    if (!v || v->is_null()) return;
    const std::string path = detail::json_read::child(r.path(), key);
    if (!v->is_array()) detail::json_read::wrong_type(*v, path, "array");
    out.clear();
    for (std::size_t i = 0; i < v->size(); ++i)
      detail::json_read::nested(detail::json_read::child(path, i), [&] { out.push_back((*v)[i].template get<Item>()); });
  };
  list("teams", teams);
  list("agents", agents);
  r.finish();
  return config.with_people(teams, agents);
}

// The configuration: the document given or the standard preset, with the host's people.
// Its errors are the options' errors: "options: /config_json/sla/...: ...".
DeskConfig config_arg(const tc_desk_options& options) {
  try {
    DeskConfig config = options.config_json
                            ? detail::json_read::nested("/config_json", [&] {
                                return DeskConfig::from_json_text(option_text(options.config_json, ""));
                              })
                            : DeskConfig::preset("standard");
    return options.people_json ? with_people(config, options.people_json) : config;
  } catch (const ArgumentError&) {
    throw;
  } catch (const Error& e) {
    throw ArgumentError("options", e);
  }
}

}  // namespace
}  // namespace ticketcore::capi

using namespace ticketcore;
using namespace ticketcore::capi;

extern "C" {

int tc_desk_open(tc_desk** out, const tc_desk_options* options) {
  return guard([&] {
    out_arg(out, "out");
    const tc_desk_options defaults = TC_DESK_OPTIONS_INIT;
    const tc_desk_options& o = options ? *options : defaults;
    check_size(o);
    if (o.clock != TC_CLOCK_SYSTEM && o.clock != TC_CLOCK_MANUAL)
      refuse("/clock", "unknown clock " + std::to_string(o.clock) + " (expected TC_CLOCK_SYSTEM or TC_CLOCK_MANUAL)");

    auto handle = std::make_unique<tc_desk>();
    std::shared_ptr<const Clock> clock;
    if (o.clock == TC_CLOCK_MANUAL) {
      handle->manual_clock = std::make_shared<ManualClock>(instant_arg(o.start_time, "options", "/start_time"));
      clock = handle->manual_clock;
    } else {
      clock = std::make_shared<SystemClock>();
    }
    DeskConfig config = config_arg(o);  // before the store: a bad document creates no file
    handle->desk = Desk::open(store_arg(o.store), std::move(config), std::move(clock));
    *out = handle.release();
  });
}

void tc_desk_close(tc_desk* desk) {
  // Destructors do not throw: the Desk and the stores release what they hold quietly.
  delete desk;
}

int tc_desk_set_time(tc_desk* desk, int64_t unix_seconds) {
  return guard([&] {
    desk_arg(desk);
    if (!desk->manual_clock)
      throw ArgumentError("desk", Error(ErrorCode::invalid_input, "",
                                        "uses the system clock (open it with TC_CLOCK_MANUAL to set the time)"));
    desk->manual_clock->set(instant_arg(unix_seconds, "unix_seconds", ""));
  });
}

int tc_desk_now(int64_t* out, tc_desk* desk) {
  return guard([&] {
    out_arg(out, "out");
    *out = to_unix(desk_arg(desk).clock().now());
  });
}

}  // extern "C"
