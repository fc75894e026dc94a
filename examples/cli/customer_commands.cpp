// customers add|find|show: registering customers and looking them up, masked for the actor.
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "csv_records.hpp"
#include "input.hpp"
#include "output.hpp"
#include "ticketcore/desk_json.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::cli {

namespace {

using nlohmann::json;

void add_customer_add(CLI::App& customers, Session& s) {
  // The options are the columns of a customers CSV file: one reading, one set of checks.
  struct Args {
    std::map<std::string, std::string> cells;
    std::vector<std::string> phones, emails, tags;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = customers.add_subcommand("add", "Register a customer; the desk gives the id");
  auto& c = args->cells;
  cmd->add_option("--name", c["name"], "a person's name or an enterprise's full name")->required();
  cmd->add_option("--kind", c["kind"], "individual (default), enterprise or partner");
  cmd->add_option("--company", c["company"], "an enterprise customer's company");
  cmd->add_option("--department", c["department"], "an enterprise customer's department");
  cmd->add_option("--phone", args->phones, "a phone number, any common writing (repeatable)");
  cmd->add_option("--email", args->emails, "an email address (repeatable)");
  cmd->add_option("--address", c["address"], "a postal address");
  cmd->add_option("--postal-code", c["postal_code"], "the address's postal code");
  cmd->add_option("--industry", c["industry"], "national industry classification code or name");
  cmd->add_option("--tier", c["tier"], "normal (default), vip or strategic");
  cmd->add_option("--tag", args->tags, "a tag, \"type:value\" for typed tags (repeatable)");
  cmd->add_option("--gender", c["gender"], "unspecified (default), female, male or other");
  cmd->add_option("--birth-date", c["birth_date"], "YYYY-MM-DD");
  on_run(cmd, s, [&s, args] {
    args->cells["phones"] = list_cell(args->phones);
    args->cells["emails"] = list_cell(args->emails);
    args->cells["tags"] = list_cell(args->tags);
    const Customer record = customer_from_cells([&](const std::string& column) { return args->cells[column]; });
    const Customer c = s.open_desk()->register_customer(s.actor(), record);
    if (s.options.json) return print_json(to_json_text(c));
    std::cout << c.id << '\n';
  });
}

void print_customers(const CustomerPage& page, bool as_json) {
  if (as_json) return print_json(to_json_text(page));
  Table table({"customer", "kind", "tier", "name", "phones", "emails"});
  for (const Customer& c : page.customers)
    table.add({c.id, std::string(to_string(c.kind)), std::string(to_string(c.tier)), c.name, join(c.phones, " "),
               join(c.emails, " ")});
  table.print(std::cout);
  print_page_end(page.customers.size(), "customer", "customers", page.next_cursor);
}

void add_find(CLI::App& customers, Session& s) {
  struct Args {
    CustomerQuery query;
    std::string tier;
  };
  auto args = std::make_shared<Args>();
  auto& q = args->query;
  auto* cmd = customers.add_subcommand("find", "Find customers by phone, email, name prefix, tag or tier");
  cmd->add_option("--phone", q.phone, "a phone number in any common writing");
  cmd->add_option("--email", q.email, "an email address, any case");
  cmd->add_option("--name", q.name_prefix, "the beginning of the name");
  cmd->add_option("--tag", q.tag, "a tag");
  cmd->add_option("--tier", args->tier, "normal, vip or strategic");
  cmd->add_flag("--include-merged", q.include_merged, "also list records merged into another");
  cmd->add_option("--limit", q.limit, "customers per page, 1 to 1000")->capture_default_str();
  cmd->add_option("--after", q.after, "the next-page cursor a previous page printed");
  on_run(cmd, s, [&s, args] {
    if (!args->tier.empty()) args->query.tier = parse_word<CustomerTier>(args->tier, "/tier");
    print_customers(s.open_desk()->find_customers(s.actor(), args->query), s.options.json);
  });
}

void add_customer_show(CLI::App& customers, Session& s) {
  struct Args {
    std::string id;
    bool unmasked = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = customers.add_subcommand("show", "Show a customer, masked for the actor, with the profile summary");
  cmd->add_option("customer", args->id, "the customer id")->required();
  cmd->add_flag("--unmasked", args->unmasked, "the whole record (the read_unmasked permission; audited)");
  on_run(cmd, s, [&s, args] {
    const auto desk = s.open_desk();
    const Actor actor = s.actor();
    const Customer c = args->unmasked ? desk->customer_unmasked(actor, args->id) : desk->customer(actor, args->id);
    const std::string profile = summary_line(desk->customer_profile(actor, args->id));
    if (s.options.json) return print_json(json{{"customer", c}, {"profile", profile}}.dump());
    std::vector<std::string> addresses;
    for (const Address& a : c.addresses) addresses.push_back(a.text + (a.postal_code.empty() ? "" : " " + a.postal_code));
    std::cout << c.id << "  " << c.name << '\n';
    print_fields({{"kind", std::string(to_string(c.kind))},
                  {"tier", std::string(to_string(c.tier))},
                  {"company", c.company},
                  {"department", c.department},
                  {"phones", join(c.phones, ", ")},
                  {"emails", join(c.emails, ", ")},
                  {"addresses", join(addresses, "; ")},
                  {"industry", c.industry},
                  {"tags", join(c.tags, ", ")},
                  {"purchases", c.purchases.empty() ? "" : std::to_string(c.purchases.size())},
                  {"merged into", c.merged_into},
                  {"since", format_instant(c.created_at)},
                  {"profile", profile}});
  });
}

}  // namespace

void add_customer_commands(CLI::App& app, Session& s) {
  auto* customers = app.add_subcommand("customers", "Register, find and show customers");
  customers->require_subcommand(1);
  add_customer_add(*customers, s);
  add_find(*customers, s);
  add_customer_show(*customers, s);
}

}  // namespace ticketcore::cli
