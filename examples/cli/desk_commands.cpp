// init and config: creating a desk file and changing the configuration it runs on.
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "input.hpp"
#include "output.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::cli {

namespace {

using nlohmann::json;

// A people file: {"teams": [...], "agents": [...]} in the model's JSON forms. Teams left out
// keep the configuration's own (the presets name theirs); agents left out mean none.
DeskConfig with_people_file(const DeskConfig& config, const std::string& file) {
  const json doc = at_path("", [&] { return parse_json(read_text(file, "--people")); });
  if (!doc.is_object()) throw Error(ErrorCode::invalid_input, "", file + ": expected an object with teams and agents");
  for (const auto& [key, value] : doc.items())
    if (key != "teams" && key != "agents") throw Error(ErrorCode::invalid_input, "/" + key, "unknown field");
  std::vector<Team> teams = config.teams();
  std::vector<Agent> agents;
  if (doc.contains("teams")) {
    teams.clear();
    for (std::size_t i = 0; i < doc["teams"].size(); ++i)
      teams.push_back(at_path("/teams/" + std::to_string(i), [&] { return doc["teams"][i].get<Team>(); }));
  }
  if (doc.contains("agents"))
    for (std::size_t i = 0; i < doc["agents"].size(); ++i)
      agents.push_back(at_path("/agents/" + std::to_string(i), [&] { return doc["agents"][i].get<Agent>(); }));
  return config.with_people(teams, agents);
}

DeskConfig config_from_file(const std::string& file, std::string_view option) {
  return DeskConfig::from_json_text(read_text(file, option));
}

void add_init(CLI::App& app, Session& s) {
  struct Args {
    std::string preset, config, people;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("init", "Create a desk file from a preset or a configuration file");
  auto* preset = cmd->add_option("--preset", args->preset, "a built-in configuration: standard, urgent_important_general, high_medium_low");
  auto* config = cmd->add_option("--config", args->config, "a desk configuration document (docs/config.md)");
  preset->excludes(config);
  cmd->add_option("--people", args->people, "a JSON file {\"teams\": [...], \"agents\": [...]}: the desk's people");
  on_run(cmd, s, [&s, args] {
    if (args->preset.empty() && args->config.empty()) throw UsageError("init: give --preset NAME or --config FILE");
    // Everything is checked before the file is created, so a bad configuration leaves no file behind.
    DeskConfig desk_config = args->preset.empty() ? config_from_file(args->config, "--config")
                                                  : DeskConfig::preset(args->preset);
    if (!args->people.empty()) desk_config = with_people_file(desk_config, args->people);
    const auto store = s.create_store();
    if (store->read()->current_config())
      throw Error(ErrorCode::conflict, "--database", s.options.database + " holds a desk already");
    const auto desk = Desk::open(store, desk_config, s.clock());
    const DeskConfig& c = desk_config;
    if (s.options.json) {
      print_json(json{{"database", s.options.database}, {"version", c.version()}, {"teams", c.teams().size()},
                      {"agents", c.agents().size()}}
                     .dump());
      return;
    }
    std::cout << "desk " << c.version() << " on " << s.options.database << ": " << c.teams().size() << " teams, "
              << c.agents().size() << " agents\n";
  });
}

void add_lint(CLI::App& config, Session& s) {
  struct Args {
    std::string file;
    bool strict = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = config.add_subcommand("lint", "Check a configuration document (or the desk's) and list the rules' warnings");
  cmd->add_option("file", args->file, "the document to check (default: the desk's current configuration)");
  cmd->add_flag("--strict", args->strict, "exit 65 when there is a warning");
  on_run(cmd, s, [&s, args] {
    const DeskConfig c = args->file.empty() ? s.open_desk()->config() : config_from_file(args->file, "file");
    const auto& warnings = c.rules().warnings();
    if (s.options.json) {
      print_json(json{{"version", c.version()}, {"warnings", json::parse(to_json_text(warnings))}}.dump());
    } else {
      std::cout << c.version() << ": valid, " << c.rules().size() << " rules, " << warnings.size()
                << (warnings.size() == 1 ? " warning\n" : " warnings\n");
      for (const LintWarning& w : warnings) std::cout << "  " << w.path << ": " << w.message << '\n';
    }
    if (args->strict && !warnings.empty())
      throw Error(ErrorCode::invalid_input, warnings.front().path, "the rules have lint warnings (--strict)");
  });
}

void add_show_and_history(CLI::App& config, Session& s) {
  auto* show = config.add_subcommand("show", "Print the desk's current configuration document");
  on_run(show, s, [&s] {
    const auto stored = s.open_desk()->store().read()->current_config();
    std::cout << (s.options.json ? json::parse(stored->text).dump() : stored->text) << '\n';
  });
  auto* history = config.add_subcommand("history", "List the configuration versions published on the desk");
  on_run(history, s, [&s] {
    const auto versions = s.open_store()->read()->config_history();
    json out = json::array();
    Table table({"version", "published_at"});
    for (const StoredConfig& c : versions) {
      out.push_back({{"version", c.version}, {"published_at", format_instant(c.published_at)}});
      table.add({c.version, format_instant(c.published_at)});
    }
    s.options.json ? print_json(out.dump()) : table.print(std::cout);
  });
  auto name = std::make_shared<std::string>();
  auto* preset = config.add_subcommand("preset", "Print a built-in configuration document, to start a new one from");
  preset->add_option("name", *name, "standard, urgent_important_general or high_medium_low")->required();
  on_run(preset, s, [&s, name] {
    const std::string text = DeskConfig::preset(*name).to_json_text();
    std::cout << (s.options.json ? json::parse(text).dump() : text) << '\n';
  });
}

void add_dry_run_and_publish(CLI::App& config, Session& s) {
  auto file = std::make_shared<std::string>();
  auto* dry = config.add_subcommand("dry-run", "Show what a new configuration would change on the open tickets; writes nothing");
  dry->add_option("file", *file, "the proposed configuration document")->required();
  on_run(dry, s, [&s, file] {
    const DryRunReport report = s.open_desk()->dry_run(s.actor(), config_from_file(*file, "file"));
    if (s.options.json) return print_json(to_json_text(report));
    std::cout << report.to_text();
    if (report.changed.empty())
      std::cout << "no open ticket would be routed differently (" << report.tickets << " compared)\n";
  });
  auto* publish = config.add_subcommand("publish", "Publish a new configuration version; later changes use it");
  publish->add_option("file", *file, "the configuration document; its version must be new")->required();
  on_run(publish, s, [&s, file] {
    DeskConfig next = config_from_file(*file, "file");
    const std::string version = next.version();
    s.open_desk()->publish(s.actor(), std::move(next));
    if (s.options.json) return print_json(json{{"published", version}}.dump());
    std::cout << "published " << version << '\n';
  });
}

}  // namespace

void add_desk_commands(CLI::App& app, Session& s) {
  add_init(app, s);
  auto* config = app.add_subcommand("config", "Check, show and change the desk's configuration");
  config->require_subcommand(1);
  add_lint(*config, s);
  add_show_and_history(*config, s);
  add_dry_run_and_publish(*config, s);
}

}  // namespace ticketcore::cli
