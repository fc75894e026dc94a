// Reading, validating and compiling a rule set from JSON: every error names the
// rule id and the JSON path; every field, operator, action and enum word is resolved
// here, once, through the vocabulary tables, and each custom attribute gets its slot.
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "model/json_read.hpp"
#include "routing/rules_program.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

using detail::json_read::child;
using detail::json_read::json;
using detail::json_read::ObjectReader;
using detail::json_read::read;

namespace detail {
namespace {

// Deep enough for any rule a person writes; stops hostile input from exhausting the stack.
constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxRules = 2000;  // far above any desk's; keeps the pairwise lint quick
constexpr std::size_t kMaxItems = 1000;

// The words a message offers ("expected one of: a, b, c").
template <class Items, class Word>
std::string one_of(const Items& items, Word word) {
  std::string out;
  for (const auto& item : items) out.append(out.empty() ? "" : ", ").append(word(item));
  return out;
}

class Compiler {
 public:
  Compiler(RuleSet::Impl& impl, const RoutingDirectory& directory) : impl_(impl) {
    teams_.insert(directory.teams.begin(), directory.teams.end());
    agents_.insert(directory.agents.begin(), directory.agents.end());
  }

  void rule_set(const json& j) {
    ObjectReader r(j, "");
    r.required("version", impl_.version, detail::json_read::MaxLength{limits::id});
    if (impl_.version.empty()) throw_invalid("/version", "must not be empty");
    std::string description;
    r.optional("description", description, detail::json_read::MaxLength{limits::text});
    const json* rules = r.take("rules");
    if (!rules) throw_invalid("/rules", "missing required field");
    r.finish();
    if (!rules->is_array()) detail::json_read::wrong_type(*rules, "/rules", "array");
    if (rules->size() > kMaxRules)
      throw_invalid("/rules", "too many rules: " + std::to_string(rules->size()));
    std::set<std::string, std::less<>> ids;
    for (std::size_t i = 0; i < rules->size(); ++i) {
      const std::string path = child("/rules", i);
      const json& rj = (*rules)[i];
      // The rule id goes into every error below, so read it first.
      std::string id = std::string("#").append(std::to_string(i));
      if (rj.is_object() && rj.contains("id") && rj["id"].is_string()) id = rj["id"].get<std::string>();
      try {
        rule(rj, path);
      } catch (const Error& e) {
        throw Error(e.code(), e.path(), "rule \"" + id + "\": " + e.message());
      }
      if (!ids.insert(impl_.rules.back().id).second)
        throw Error(ErrorCode::invalid_input, child(path, "id"), "rule \"" + id + "\": duplicate rule id");
    }
    // Each source's slots in the order of their names, the order its attribute map walks in.
    for (const auto& [key, slot] : slots_)
      (key.first ? impl_.customer_slots : impl_.ticket_slots).push_back(slot);
  }

 private:
  void rule(const json& j, const std::string& path) {
    ObjectReader r(j, path);
    Rule rule;
    r.required("id", rule.id, detail::json_read::MaxLength{limits::id});
    if (rule.id.empty()) throw_invalid(child(path, "id"), "must not be empty");
    r.required("name", rule.name);
    std::string description;
    r.optional("description", description, detail::json_read::MaxLength{limits::text});
    r.optional("enabled", rule.enabled);
    r.optional("stop", rule.stop);
    const json* when = r.take("when");
    if (!when) throw_invalid(child(path, "when"), "missing required field");
    const json* then = r.take("then");
    if (!then) throw_invalid(child(path, "then"), "missing required field");
    r.finish();
    rule.root = condition(*when, child(path, "when"), 0);
    rule.nodes = static_cast<std::uint32_t>(impl_.nodes.size()) - rule.root;
    split(rule);
    const std::string then_path = child(path, "then");
    if (!then->is_array()) detail::json_read::wrong_type(*then, then_path, "array");
    if (then->size() > kMaxItems) throw_invalid(then_path, "too many actions");
    for (std::size_t k = 0; k < then->size(); ++k)
      rule.actions.push_back(action((*then)[k], child(then_path, k)));
    impl_.rules.push_back(std::move(rule));
  }

  // Splits `when` into the code tests it requires and the rest (see Rule): a conjunction
  // holds whatever the order its parts are checked in.
  void split(Rule& rule) {
    rule.tests_first = static_cast<std::uint32_t>(impl_.tests.size());
    rule.rest_first = static_cast<std::uint32_t>(impl_.rest.size());
    auto place = [&](std::uint32_t n) {
      const Node& node = impl_.nodes[n];
      if (node.kind == Node::Kind::leaf && impl_.leaves[node.first].coded)
        impl_.tests.push_back(impl_.leaves[node.first].test);
      else
        impl_.rest.push_back(n);
    };
    const Node& root = impl_.nodes[rule.root];
    if (root.kind == Node::Kind::all)
      for (std::uint32_t i = 0; i < root.count; ++i) place(impl_.children[root.first + i]);
    else
      place(rule.root);
    rule.tests_count = static_cast<std::uint32_t>(impl_.tests.size()) - rule.tests_first;
    rule.rest_count = static_cast<std::uint32_t>(impl_.rest.size()) - rule.rest_first;
  }

  std::uint32_t add_node(Node::Kind kind, const std::string& path) {
    impl_.nodes.push_back(Node{kind, 0, 0});
    impl_.node_paths.push_back(path);
    return static_cast<std::uint32_t>(impl_.nodes.size() - 1);
  }

  std::uint32_t condition(const json& j, const std::string& path, int depth) {
    if (depth > kMaxDepth) throw_invalid(path, "conditions nested deeper than " + std::to_string(kMaxDepth));
    if (!j.is_object()) detail::json_read::wrong_type(j, path, "object");
    for (std::string_view group : {"all", "any", "not"}) {
      if (!j.contains(group)) continue;
      if (j.size() != 1)
        throw_invalid(path, "a \"" + std::string(group) + "\" condition takes no other keys");
      const std::string gpath = child(path, group);
      const json& body = j[std::string(group)];
      if (group == "not") {
        std::uint32_t n = add_node(Node::Kind::negation, path);
        std::uint32_t c = condition(body, gpath, depth + 1);
        link(n, {c});
        return n;
      }
      if (!body.is_array()) detail::json_read::wrong_type(body, gpath, "array");
      if (body.size() > kMaxItems) throw_invalid(gpath, "too many conditions");
      std::uint32_t n = add_node(group == "all" ? Node::Kind::all : Node::Kind::any, path);
      std::vector<std::uint32_t> kids;
      for (std::size_t i = 0; i < body.size(); ++i)
        kids.push_back(condition(body[i], child(gpath, i), depth + 1));
      link(n, kids);
      return n;
    }
    std::uint32_t n = add_node(Node::Kind::leaf, path);
    impl_.nodes[n].first = static_cast<std::uint32_t>(impl_.leaves.size());
    impl_.leaves.push_back(leaf(j, path));
    return n;
  }

  void link(std::uint32_t n, const std::vector<std::uint32_t>& kids) {
    impl_.nodes[n].first = static_cast<std::uint32_t>(impl_.children.size());
    impl_.nodes[n].count = static_cast<std::uint32_t>(kids.size());
    impl_.children.insert(impl_.children.end(), kids.begin(), kids.end());
  }

  Leaf leaf(const json& j, const std::string& path) {
    ObjectReader r(j, path);
    Leaf leaf;
    std::string op_word;
    if (!j.contains("field"))
      throw_invalid(path,
                    "expected a condition: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or "
                    "{\"field\", \"op\", \"value\"}");
    r.required("field", leaf.field_name);
    r.required("op", op_word);
    auto field = resolve_field(leaf.field_name);
    if (!field) throw_invalid(child(path, "field"), "unknown field \"" + leaf.field_name + "\"");
    leaf.field = std::move(*field);
    const OpWord* op = find_op(op_word);
    if (!op)
      throw_invalid(child(path, "op"), "unknown operator \"" + op_word + "\" (expected one of: " +
                                           one_of(kOps, [](const OpWord& w) { return w.word; }) + ")");
    leaf.op = op->op;
    if (!op_fits(leaf.op, leaf.field.type))
      throw_invalid(child(path, "op"), "operator \"" + op_word + "\" does not fit field \"" +
                                           leaf.field_name + "\" (" +
                                           std::string(to_string(leaf.field.type)) + ")");
    switch (leaf.field.parameter) {
      case FieldParameter::none: break;
      case FieldParameter::days: r.required("days", leaf.days, detail::json_read::Range{1, 3660}); break;
      case FieldParameter::calendar:
        r.required("calendar", leaf.calendar, detail::json_read::MaxLength{limits::id});
        if (leaf.calendar.empty()) throw_invalid(child(path, "calendar"), "must not be empty");
        break;
    }
    if (leaf.field.type == FieldType::dynamic) leaf.slot = slot_of(leaf.field);
    const json* value = r.take("value");
    r.finish();
    const std::string vpath = child(path, "value");
    if (op->operand == Operand::none) {
      if (value) throw_invalid(vpath, "operator \"" + op_word + "\" takes no value");
      return leaf;
    }
    if (!value) throw_invalid(vpath, "missing required field");
    leaf.expected_json = value->dump();
    switch (op->operand) {
      case Operand::list: {
        if (!value->is_array()) detail::json_read::wrong_type(*value, vpath, "array");
        if (value->empty()) throw_invalid(vpath, "must list at least one value");
        if (value->size() > kMaxItems) throw_invalid(vpath, "too many values");
        for (std::size_t i = 0; i < value->size(); ++i) add_literal(leaf, (*value)[i], child(vpath, i));
        break;
      }
      case Operand::range: {
        if (!value->is_array() || value->size() != 2) throw_invalid(vpath, "expected [low, high]");
        add_literal(leaf, (*value)[0], child(vpath, 0));
        add_literal(leaf, (*value)[1], child(vpath, 1));
        const Literal &lo = leaf.literals[0], &hi = leaf.literals[1];
        if (lo.kind != hi.kind) throw_invalid(vpath, "low and high must be of one type");
        if (lo.number > hi.number || lo.integer > hi.integer) throw_invalid(vpath, "low is above high");
        break;
      }
      case Operand::pattern: {
        add_literal(leaf, *value, vpath);
        RE2::Options options;
        options.set_log_errors(false);
        leaf.regex = std::make_unique<RE2>(leaf.literals[0].text, options);
        if (!leaf.regex->ok()) throw_invalid(vpath, "bad regular expression: " + leaf.regex->error());
        break;
      }
      default: add_literal(leaf, *value, vpath);
    }
    set_code_test(leaf);
    return leaf;
  }

  // The slot of a custom attribute: one per distinct (source, name) the rule set reads.
  std::uint32_t slot_of(const FieldInfo& field) {
    const bool of_customer = field.id == FieldId::customer_attribute;
    const auto [at, fresh] = slots_.try_emplace({of_customer, field.attribute},
                                                static_cast<std::uint32_t>(impl_.attributes.size()));
    if (fresh) impl_.attributes.push_back(AttributeSlot{field.attribute, of_customer, {}});
    return at->second;
  }

  // Makes a comparison a bit test where one decides it: an enumeration compared with its
  // words (the mask add_literal built), a custom attribute compared with texts by
  // eq / ne / in / not_in.
  void set_code_test(Leaf& leaf) {
    const Operand operand = word_of(leaf.op).operand;
    if (operand != Operand::value && operand != Operand::list) return;
    if (leaf.field.type == FieldType::dynamic) {
      if (!intern_texts(leaf)) return;
    } else if (leaf.field.type != FieldType::enumeration) {
      return;
    }
    leaf.coded = true;
    leaf.test.field = leaf.field.id;
    leaf.test.slot = leaf.slot;
    leaf.test.of_attribute = leaf.field.type == FieldType::dynamic;
    leaf.test.negated = word_of(leaf.op).positive != leaf.op;
  }

  // Gives each text an attribute is compared with a code in the attribute's slot and sets
  // the leaf's mask; false when a literal is not a text or the slot's codes run out.
  bool intern_texts(Leaf& leaf) {
    TextCodes& texts = impl_.attributes[leaf.slot].texts;
    std::set<std::string_view> fresh;
    for (const Literal& l : leaf.literals) {
      if (l.kind != Value::Kind::text) return false;
      if (texts.find(l.text) == kOtherValue) fresh.insert(l.text);
    }
    if (texts.size() + fresh.size() > kMaxTexts) return false;
    for (const Literal& l : leaf.literals) leaf.test.mask |= std::uint64_t{1} << texts.add(l.text);
    return true;
  }

  // Reads one literal of the type the field and operator call for.
  void add_literal(Leaf& leaf, const json& v, const std::string& path) {
    Literal l;
    const Operand operand = word_of(leaf.op).operand;
    const bool textual = operand == Operand::text || operand == Operand::pattern;
    const bool ordering = operand == Operand::bound || operand == Operand::range;
    FieldType type = leaf.field.type;
    if (type == FieldType::dynamic) {
      if (textual)
        type = FieldType::text;
      else if (ordering)
        type = FieldType::number;
    }
    switch (type) {
      case FieldType::text:
      case FieldType::tags:
        read(v, path, l.text, detail::json_read::MaxLength{limits::text});
        l.kind = Value::Kind::text;
        // A team or agent compared whole must exist; "" stands for none, and parts of ids are free.
        if (!textual && !l.text.empty()) {
          if (leaf.field.id == FieldId::team && !teams_.contains(l.text))
            throw_invalid(path, "unknown team \"" + l.text + "\"");
          if (leaf.field.id == FieldId::assignee && !agents_.contains(l.text))
            throw_invalid(path, "unknown agent \"" + l.text + "\"");
        }
        break;
      case FieldType::enumeration: {
        if (!v.is_string()) detail::json_read::wrong_type(v, path, "string");
        const auto& word = v.get_ref<const std::string&>();
        const auto& names = leaf.field.enum_names;
        auto it = std::find(names.begin(), names.end(), word);
        if (it == names.end())
          throw_invalid(path, "unknown value \"" + word + "\" for field \"" + leaf.field_name +
                                  "\" (expected one of: " + one_of(names, [](auto n) { return n; }) + ")");
        l.kind = Value::Kind::enumeration;
        l.integer = it - names.begin();
        leaf.test.mask |= std::uint64_t{1} << l.integer;
        break;
      }
      case FieldType::number:
        read(v, path, l.number);
        l.kind = Value::Kind::number;
        break;
      case FieldType::boolean:
        read(v, path, l.boolean);
        l.kind = Value::Kind::boolean;
        break;
      case FieldType::instant: {
        Instant t;
        read(v, path, t);
        l.kind = Value::Kind::instant;
        l.integer = to_unix(t);
        break;
      }
      case FieldType::dynamic:
        if (v.is_string()) {
          read(v, path, l.text, detail::json_read::MaxLength{limits::text});
          l.kind = Value::Kind::text;
        } else if (v.is_boolean()) {
          l.boolean = v.get<bool>();
          l.kind = Value::Kind::boolean;
        } else if (v.is_number()) {
          read(v, path, l.number);
          l.kind = Value::Kind::number;
        } else {
          detail::json_read::wrong_type(v, path, "string, number or boolean");
        }
        break;
    }
    leaf.literals.push_back(std::move(l));
  }

  Action action(const json& j, const std::string& path) {
    if (!j.is_object()) detail::json_read::wrong_type(j, path, "object");
    if (j.size() != 1)
      throw_invalid(path, "an action is an object with exactly one key (\"set_team\", \"notify\", ...)");
    const std::string& key = j.begin().key();
    const json& v = j.begin().value();
    const std::string vpath = child(path, key);
    const ActionWord* word = find_action(key);
    if (!word)
      throw_invalid(path, "unknown action \"" + key + "\" (expected one of: " +
                              one_of(kActions, [](const ActionWord& w) { return w.word; }) + ")");
    Action a;
    a.kind = word->kind;
    auto plain = [&](std::size_t max) {
      read(v, vpath, a.value, detail::json_read::MaxLength{max});
      if (a.value.empty()) throw_invalid(vpath, "must not be empty");
    };
    switch (word->form) {
      case ActionForm::team:
        plain(limits::id);
        if (!teams_.contains(a.value)) throw_invalid(vpath, "unknown team \"" + a.value + "\"");
        break;
      case ActionForm::agent:
        plain(limits::id);
        if (!agents_.contains(a.value)) throw_invalid(vpath, "unknown agent \"" + a.value + "\"");
        break;
      case ActionForm::id: plain(limits::id); break;
      case ActionForm::tag: plain(limits::tag); break;
      case ActionForm::priority: {
        ObjectReader r(v, vpath);
        r.required("level", a.value, detail::json_read::MaxLength{limits::id});
        if (a.value.empty()) throw_invalid(child(vpath, "level"), "must not be empty");
        r.required("reason", a.reason, detail::json_read::MaxLength{limits::name});
        r.finish();
        break;
      }
      case ActionForm::escalation: {
        ObjectReader r(v, vpath);
        int level = 0;
        r.required("level", level, detail::json_read::Range{1, 4});
        a.level = escalation_level(level, child(vpath, "level"));
        r.optional("reason", a.reason, detail::json_read::MaxLength{limits::name});
        r.finish();
        break;
      }
      case ActionForm::notification: {
        ObjectReader r(v, vpath);
        r.required("template", a.value, detail::json_read::MaxLength{limits::id});
        if (a.value.empty()) throw_invalid(child(vpath, "template"), "must not be empty");
        const json* recipients = r.take("recipients");
        const std::string rpath = child(vpath, "recipients");
        if (!recipients) throw_invalid(rpath, "missing required field");
        r.finish();
        if (!recipients->is_array()) detail::json_read::wrong_type(*recipients, rpath, "array");
        if (recipients->empty()) throw_invalid(rpath, "must name at least one recipient");
        for (std::size_t i = 0; i < recipients->size(); ++i) {
          const json& w = (*recipients)[i];
          auto known = std::find_if(kRecipients.begin(), kRecipients.end(), [&](Recipient who) {
            return w.is_string() && w.get_ref<const std::string&>() == to_string(who);
          });
          if (known == kRecipients.end())
            throw_invalid(child(rpath, i),
                          "unknown recipient " + w.dump() + " (expected one of: " +
                              one_of(kRecipients, [](Recipient who) { return to_string(who); }) + ")");
          a.recipients |= static_cast<RecipientSet>(*known);
        }
        break;
      }
      case ActionForm::approval: {
        ObjectReader r(v, vpath);
        std::string who = "supervisor";
        r.optional("approver", who);
        r.required("reason", a.reason, detail::json_read::MaxLength{limits::name});
        r.finish();
        const auto level = escalation_level_from_word(who);
        if (!level || *level == EscalationLevel::handler)
          throw_invalid(child(vpath, "approver"),
                        "unknown approver \"" + who + "\" (expected one of: team_lead, supervisor, manager)");
        a.level = *level;
        break;
      }
    }
    return a;
  }

  RuleSet::Impl& impl_;
  std::set<std::string, std::less<>> teams_;
  std::set<std::string, std::less<>> agents_;
  std::map<std::pair<bool, std::string>, std::uint32_t> slots_;  // (of the customer, name) -> slot, sorted
};

}  // namespace
}  // namespace detail

RoutingDirectory RoutingDirectory::from(std::span<const Team> teams, std::span<const Agent> agents) {
  RoutingDirectory d;
  for (const auto& t : teams) d.teams.push_back(t.id);
  for (const auto& a : agents) d.agents.push_back(a.id);
  return d;
}

RuleSet RuleSet::from_json_text(std::string_view text, const RoutingDirectory& directory) {
  const json j = parse_json(text);
  auto impl = std::make_shared<Impl>();
  detail::Compiler(*impl, directory).rule_set(j);
  impl->warnings = detail::lint(*impl);
  return RuleSet(std::move(impl));
}

RuleSet::RuleSet(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

const std::string& RuleSet::version() const { return impl_->version; }
std::size_t RuleSet::size() const { return impl_->rules.size(); }
const std::vector<LintWarning>& RuleSet::warnings() const { return impl_->warnings; }

}  // namespace ticketcore
