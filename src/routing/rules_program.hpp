#pragma once
// The compiled form of a rule set (private to src/routing): fields resolved to ids,
// enum words and custom-attribute texts interned as bit masks, literals parsed,
// regular expressions compiled. And the rule language's vocabulary, one table per
// kind of word (operators and actions here, fields in rules_fields.cpp), which the
// loader, its messages, explain and lint all read: a new word is one row.

#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ticketcore/routing/rules.hpp"

namespace ticketcore::detail {

/// The type of a field's value, which decides the operators it takes.
enum class FieldType : std::uint8_t { text, enumeration, number, boolean, tags, instant, dynamic };

/// The word of each field type, as messages name it, indexed by FieldType.
inline constexpr std::array<std::string_view, 7> kTypeWords = {"text", "enumeration", "number",   "boolean",
                                                               "tags", "instant",     "attribute"};

/// The word of a field type ("enumeration").
constexpr std::string_view to_string(FieldType type) { return kTypeWords[static_cast<std::size_t>(type)]; }

/// Every field rules can read, resolved once at load.
enum class FieldId : std::uint8_t {
  id,
  customer_id,
  channel,
  request_type,
  subtype,
  subject,
  description,
  urgency,
  priority,
  status,
  stage,
  team,
  assignee,
  tags,
  users_affected,
  loss_amount,
  loss_currency,
  core_business_down,
  responsible_party,
  chosen_solution,
  created_at,
  updated_at,
  expected_resolution_at,
  first_response_at,
  resolved_at,
  attribute,
  customer_id_of_customer,
  customer_kind,
  customer_tier,
  customer_industry,
  customer_company,
  customer_department,
  customer_tags,
  customer_created_at,
  customer_in_warranty,
  customer_attribute,
  hours_since_created,
  hours_since_updated,
  hours_since_customer_message,
  hours_since_assigned,
  hours_since_progress,
  hours_without_progress,
  sla_percent_used,
  sla_business_hours_remaining,
  customer_tickets_opened,
  calendar_open,
};

/// What a field takes besides its name.
enum class FieldParameter : std::uint8_t {
  none,
  days,      // "days": 1-3660 (customer.tickets_opened)
  calendar,  // "calendar": a calendar id (calendar_open)
};

/// A field as the rule language names it.
struct FieldInfo {
  FieldId id;
  FieldType type;
  std::span<const std::string_view> enum_names;  // for enumeration fields
  FieldParameter parameter = FieldParameter::none;
  int sla_target = -1;    // for sla.* fields
  std::string attribute;  // for attributes.* fields
};

/// Resolves a field name through the field table; nullopt when the rule language has no such field.
std::optional<FieldInfo> resolve_field(std::string_view name);

/// The comparison operators, in the order of kOps.
enum class Op : std::uint8_t {
  eq,
  ne,
  in,
  not_in,
  contains,
  not_contains,
  starts_with,
  matches,
  gt,
  gte,
  lt,
  lte,
  between,
  exists,
  is_empty,
};

/// How an operator's value is written, which decides how the loader reads it.
enum class Operand : std::uint8_t {
  none,     // no value
  value,    // one value of the field's type
  list,     // a non-empty list of values of the field's type
  text,     // one text
  pattern,  // an RE2 pattern, compiled at load
  bound,    // one number or instant
  range,    // [low, high]: numbers or instants
};

/// A set of field types, one bit per FieldType.
using FieldTypes = std::uint8_t;

constexpr FieldTypes types_of(std::initializer_list<FieldType> list) {
  unsigned set = 0;
  for (FieldType t : list) set |= 1u << static_cast<unsigned>(t);
  return static_cast<FieldTypes>(set);
}

inline constexpr FieldTypes kAnyType =
    types_of({FieldType::text, FieldType::enumeration, FieldType::number, FieldType::boolean, FieldType::tags,
              FieldType::instant, FieldType::dynamic});
inline constexpr FieldTypes kOrdered = types_of({FieldType::number, FieldType::instant, FieldType::dynamic});
inline constexpr FieldTypes kTextual = types_of({FieldType::text, FieldType::dynamic});

/// One operator of the rule language.
struct OpWord {
  std::string_view word;
  Op op;
  Operand operand;
  FieldTypes fits;  // the field types it takes
  Op positive;      // ne, not_in, not_contains: the operator they negate; the others: themselves
};

/// The operator vocabulary (docs/rules.md, "Operators" and "Which operators fit which field").
inline constexpr std::array<OpWord, 15> kOps = {{
    {"eq", Op::eq, Operand::value, kAnyType & ~types_of({FieldType::tags}), Op::eq},
    {"ne", Op::ne, Operand::value, kAnyType & ~types_of({FieldType::tags}), Op::eq},
    {"in", Op::in, Operand::list, kAnyType & ~types_of({FieldType::boolean}), Op::in},
    {"not_in", Op::not_in, Operand::list, kAnyType & ~types_of({FieldType::boolean}), Op::in},
    {"contains", Op::contains, Operand::text, kTextual | types_of({FieldType::tags}), Op::contains},
    {"not_contains", Op::not_contains, Operand::text, kTextual | types_of({FieldType::tags}), Op::contains},
    {"starts_with", Op::starts_with, Operand::text, kTextual, Op::starts_with},
    {"matches", Op::matches, Operand::pattern, kTextual, Op::matches},
    {"gt", Op::gt, Operand::bound, kOrdered, Op::gt},
    {"gte", Op::gte, Operand::bound, kOrdered, Op::gte},
    {"lt", Op::lt, Operand::bound, kOrdered, Op::lt},
    {"lte", Op::lte, Operand::bound, kOrdered, Op::lte},
    {"between", Op::between, Operand::range, kOrdered, Op::between},
    {"exists", Op::exists, Operand::none, kAnyType, Op::exists},
    {"is_empty", Op::is_empty, Operand::none, kAnyType, Op::is_empty},
}};

static_assert(
    [] {
      for (std::size_t i = 0; i < kOps.size(); ++i)
        if (static_cast<std::size_t>(kOps[i].op) != i) return false;
      return kOps.size() == static_cast<std::size_t>(Op::is_empty) + 1;
    }(),
    "kOps lists every operator, in the order of Op");

/// The table row of an operator.
constexpr const OpWord& word_of(Op op) { return kOps[static_cast<std::size_t>(op)]; }
/// The table row of an operator word; null for an unknown word.
constexpr const OpWord* find_op(std::string_view word) {
  for (const OpWord& w : kOps)
    if (w.word == word) return &w;
  return nullptr;
}
/// The word of an operator.
constexpr std::string_view to_string(Op op) { return word_of(op).word; }
/// Whether an operator fits a field type.
constexpr bool op_fits(Op op, FieldType type) {
  return ((word_of(op).fits >> static_cast<unsigned>(type)) & 1u) != 0;
}

/// A value as a rule sees it, borrowed from the ticket, the customer or the context.
struct Value {
  enum class Kind : std::uint8_t { missing, text, enumeration, number, boolean, tags, instant };
  Kind kind = Kind::missing;
  bool boolean = false;
  double number = 0;
  std::int64_t integer = 0;  // enum index or Unix seconds
  std::string_view text;
  const std::vector<std::string>* tags = nullptr;
  std::span<const std::string_view> enum_names;
};

/// A literal of a rule: a text, number, boolean, instant or enum value.
struct Literal {
  Value::Kind kind = Value::Kind::missing;
  bool boolean = false;
  double number = 0;
  std::int64_t integer = 0;
  std::string text;
};

/// The code of a custom attribute's value for one ticket: kMissing, the code of one of its
/// slot's texts (0 .. kMaxTexts-1), or kOtherValue for any other value (another text, a number).
inline constexpr int kMissing = -1;
inline constexpr std::size_t kMaxTexts = 63;
inline constexpr int kOtherValue = 63;

/// Compares two short texts (attribute names, attribute values) byte by byte, ordered as
/// std::string orders them: inline, cheaper than a call to memcmp for a few bytes.
constexpr int compare_text(std::string_view a, std::string_view b) {
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]) ? -1 : 1;
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

/// The texts that eq / ne / in / not_in compare one attribute with, each with a code (its
/// bit in those comparisons' masks), at most kMaxTexts. An open-addressing hash table, so
/// routing finds a ticket's text with one hash and usually one comparison.
class TextCodes {
 public:
  /// How many texts have codes.
  std::size_t size() const { return texts_.size(); }

  /// The code of a text; kOtherValue for a text without one.
  int find(std::string_view text) const {
    for (std::size_t i = hash(text);; ++i) {
      const std::uint8_t entry = table_[i % table_.size()];
      if (entry == 0) return kOtherValue;  // the table is never full: it ends every probe
      const std::string& listed = texts_[entry - 1u];
      if (listed.size() == text.size() && compare_text(listed, text) == 0) return entry - 1;
    }
  }

  /// The code of a text, given one if it has none; the caller checks there is room.
  int add(std::string_view text) {
    if (const int code = find(text); code != kOtherValue) return code;
    std::size_t i = hash(text);
    while (table_[i % table_.size()] != 0) ++i;
    texts_.emplace_back(text);
    table_[i % table_.size()] = static_cast<std::uint8_t>(texts_.size());
    return static_cast<int>(texts_.size()) - 1;
  }

 private:
  // The length and three bytes (first, middle, last): constant time whatever the text's
  // length, and apart for the words and codes desks use; probing sorts out the rest.
  static std::size_t hash(std::string_view text) {
    std::size_t h = text.size();
    if (!text.empty())
      for (std::size_t at : {std::size_t{0}, text.size() / 2, text.size() - 1})
        h = h * 31 + static_cast<unsigned char>(text[at]);
    return h ^ (h >> 7);
  }

  std::vector<std::string> texts_;         // by code
  std::array<std::uint8_t, 128> table_{};  // code + 1 by hash position, 0 for none; at most half full
};

/// A custom attribute the rules read (attributes.NAME or customer.attributes.NAME): each
/// distinct one gets a slot, found at most once per ticket (Evaluation::attribute).
struct AttributeSlot {
  std::string name;
  bool of_customer = false;
  TextCodes texts;  // later texts, past kMaxTexts, compare as text
};

/// A comparison decided by one bit test: the value's code against a mask of codes. An
/// enumeration field's code is its index; a custom attribute's is its slot code. A missing
/// value fails every test, `ne` and `not_in` included.
struct CodeTest {
  std::uint64_t mask = 0;
  std::uint32_t slot = 0;  // attribute fields
  FieldId field = FieldId::id;
  bool of_attribute = false;  // a custom attribute: the code comes from its slot
  bool negated = false;       // ne, not_in
};

/// One comparison.
struct Leaf {
  FieldInfo field;
  Op op = Op::exists;
  std::uint32_t slot = 0;         // attribute fields: index into Impl::attributes
  bool coded = false;             // decided by `test` alone: enumerations, attributes against texts
  CodeTest test;                  // the mask also serves enumeration values in the general path
  std::vector<Literal> literals;  // eq, ne: one; in, not_in: the set; ordering: one; between: two
  std::unique_ptr<RE2> regex;     // matches
  std::int64_t days = 0;          // customer.tickets_opened
  std::string calendar;           // calendar_open
  std::string field_name;         // for explain
  std::string expected_json;      // for explain
};

/// A node of a condition tree; children are listed in Program::children.
struct Node {
  enum class Kind : std::uint8_t { all, any, negation, leaf };
  Kind kind = Kind::leaf;
  std::uint32_t first = 0;  // first index into children, or the leaf index
  std::uint32_t count = 0;  // number of children
};

/// One action, its strings owned by the program.
struct Action {
  /// In the order of kActions.
  enum class Kind : std::uint8_t {
    set_team,
    set_agent,
    assign_by,
    set_priority,
    add_tag,
    remove_tag,
    set_sla_policy,
    escalate,
    notify,
    require_approval,
  };
  Kind kind = Kind::set_team;
  std::string value;                                    // team, agent, strategy, level, tag, policy, template
  std::string reason;                                   // priority, escalation, approval
  EscalationLevel level = EscalationLevel::supervisor;  // escalate; require_approval: who approves
  RecipientSet recipients = 0;
};

/// How an action's value is written, which decides how the loader reads it and explain shows it.
enum class ActionForm : std::uint8_t {
  team,          // a known team id
  agent,         // a known agent id
  id,            // a non-empty id
  tag,           // a non-empty tag
  priority,      // {"level", "reason"}
  escalation,    // {"level": 1-4, "reason"?}
  notification,  // {"template", "recipients"}
  approval,      // {"approver"?, "reason"}
};

/// One action of the rule language.
struct ActionWord {
  std::string_view word;
  Action::Kind kind;
  ActionForm form;
};

/// The action vocabulary (docs/rules.md, "Actions"); what each does to a decision is apply().
inline constexpr std::array<ActionWord, 10> kActions = {{
    {"set_team", Action::Kind::set_team, ActionForm::team},
    {"set_agent", Action::Kind::set_agent, ActionForm::agent},
    {"assign_by", Action::Kind::assign_by, ActionForm::id},
    {"set_priority", Action::Kind::set_priority, ActionForm::priority},
    {"add_tag", Action::Kind::add_tag, ActionForm::tag},
    {"remove_tag", Action::Kind::remove_tag, ActionForm::tag},
    {"set_sla_policy", Action::Kind::set_sla_policy, ActionForm::id},
    {"escalate", Action::Kind::escalate, ActionForm::escalation},
    {"notify", Action::Kind::notify, ActionForm::notification},
    {"require_approval", Action::Kind::require_approval, ActionForm::approval},
}};

static_assert(
    [] {
      for (std::size_t i = 0; i < kActions.size(); ++i)
        if (static_cast<std::size_t>(kActions[i].kind) != i) return false;
      return kActions.size() == static_cast<std::size_t>(Action::Kind::require_approval) + 1;
    }(),
    "kActions lists every action, in the order of Action::Kind");

/// The table row of an action.
constexpr const ActionWord& word_of(Action::Kind kind) { return kActions[static_cast<std::size_t>(kind)]; }
/// The table row of an action word; null for an unknown word.
constexpr const ActionWord* find_action(std::string_view word) {
  for (const ActionWord& w : kActions)
    if (w.word == word) return &w;
  return nullptr;
}

/// The recipients a notification may name, in the order messages list them.
inline constexpr std::array<Recipient, 3> kRecipients = {Recipient::handler, Recipient::supervisor,
                                                         Recipient::customer};

/// One compiled rule.
struct Rule {
  std::string id;
  std::string name;
  bool enabled = true;
  bool stop = false;
  std::uint32_t root = 0;   // node index of `when`
  std::uint32_t nodes = 0;  // how many nodes `when` has, to size explain's trace
  std::vector<Action> actions;
  // `when` as routing runs it: the code tests it requires (itself, or the children of its
  // top `all` that are code tests), checked first since most rules fail on one, then the
  // other conditions it requires, walked as trees. Explain walks `root` instead.
  std::uint32_t tests_first = 0, tests_count = 0;  // into Impl::tests
  std::uint32_t rest_first = 0, rest_count = 0;    // into Impl::rest, node indices
};

}  // namespace ticketcore::detail

namespace ticketcore {

/// The compiled rule set behind RuleSet.
struct RuleSet::Impl {
  std::string version;
  std::vector<detail::Rule> rules;
  std::vector<detail::Node> nodes;
  std::vector<std::string> node_paths;  // JSON path of each node, for explain
  std::vector<std::uint32_t> children;
  std::vector<detail::Leaf> leaves;
  std::vector<detail::CodeTest> tests;  // each rule's code tests, see Rule
  std::vector<std::uint32_t> rest;      // each rule's other conditions, see Rule
  std::vector<detail::AttributeSlot> attributes;
  std::vector<std::uint32_t> ticket_slots;    // slots of attributes.*, by name
  std::vector<std::uint32_t> customer_slots;  // slots of customer.attributes.*, by name
  std::vector<LintWarning> warnings;
};

}  // namespace ticketcore

namespace ticketcore::detail {

/// The index of an enumeration field's value, or -1 when it is missing (inline: the hot path).
inline int enum_index(FieldId field, const Ticket& t, const EvaluationContext& ctx) {
  switch (field) {
    case FieldId::channel: return static_cast<int>(t.channel);
    case FieldId::request_type: return static_cast<int>(t.request_type);
    case FieldId::urgency: return static_cast<int>(t.urgency);
    case FieldId::status: return static_cast<int>(t.status);
    case FieldId::stage: return static_cast<int>(t.stage);
    case FieldId::responsible_party: return t.responsibility ? static_cast<int>(t.responsibility->party) : -1;
    case FieldId::customer_kind: return ctx.customer ? static_cast<int>(ctx.customer->kind) : -1;
    case FieldId::customer_tier: return ctx.customer ? static_cast<int>(ctx.customer->tier) : -1;
    default: return -1;
  }
}

/// One custom attribute as found for one ticket.
struct AttributeState {
  const AttributeValue* value;  // null: missing (absent, or null)
  std::int8_t code;             // see kMissing; kUnresolved until found
};

inline constexpr std::int8_t kUnresolved = -2;

/// One run of a rule set over one ticket. The first time a rule reads a custom attribute of
/// the ticket (or of the customer), it finds all the attributes the rule set reads from that
/// map and keeps them for the rest of the run: each is looked up once per ticket, not once
/// per comparison, and not at all when no rule gets that far. It lives on the caller's
/// stack: a RuleSet is shared across threads and holds no per-ticket state.
class Evaluation {
 public:
  Evaluation(const RuleSet::Impl& program, const Ticket& ticket, const EvaluationContext& context);
  Evaluation(const Evaluation&) = delete;
  Evaluation& operator=(const Evaluation&) = delete;

  const RuleSet::Impl& program;
  const Ticket& ticket;
  const EvaluationContext& context;

  /// The attribute of a slot for this ticket.
  const AttributeState& attribute(std::uint32_t slot) {
    if (states_[slot].code == kUnresolved) resolve(program.attributes[slot].of_customer);
    return states_[slot];
  }

  /// Whether a code test holds (inline: the hot path).
  bool passes(const CodeTest& test) {
    const int code = test.of_attribute ? attribute(test.slot).code : enum_index(test.field, ticket, context);
    return code >= 0 && (((test.mask >> code) & 1u) != 0) != test.negated;
  }

 private:
  void resolve(bool of_customer);

  // The usual handful of attributes fit on the stack (left uninitialised: only the rule
  // set's slots are set); more go to the heap.
  std::array<AttributeState, 16> local_;
  std::vector<AttributeState> heap_;
  AttributeState* states_;
};

/// Reads a field's value for one ticket.
Value read_value(const Leaf& leaf, Evaluation& evaluation);
/// Applies a leaf's operator to a value.
bool compare(const Leaf& leaf, const Value& value);
/// A value as JSON-like text for explain ("\"vip\"", "3.5", "missing").
std::string describe(const Value& value);
/// An action as text for explain ("set_team customer_relations").
std::string describe(const Action& action);
/// Applies one rule's actions to a decision.
void apply(const Rule& rule, Decision& decision);
/// Finds the lint warnings of a compiled rule set.
std::vector<LintWarning> lint(const RuleSet::Impl& program);

}  // namespace ticketcore::detail
