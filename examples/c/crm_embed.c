/* A small CRM written in C that embeds the ticketcore desk through its C ABI: it opens a
 * desk on an SQLite file with its own teams and agents, registers customers, takes in
 * tickets from the phone hotline, e-mail, the web portal and WeChat, shows how each was
 * routed with its SLA due times, lets the clock run while its scheduler sweeps, prints an
 * engineer's queue, and finally reopens the file to read a ticket back.
 *
 *   crm_embed [FILE]   (default: crm-embed.db in the current folder; recreated)
 *
 * Build: cc crm_embed.c $(pkg-config --cflags --libs ticketcore-c), or in CMake
 * find_package(ticketcore) and link ticketcore::c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ticketcore/ticketcore.h>

/* The CRM's people, as it hands them to the desk: the teams the standard preset routes
 * to, their leads and supervisors, and the engineers. */
#define TEAM(id, name, lead, supervisor)                                                     \
  "{\"id\":\"" id "\",\"name\":\"" name "\",\"calendar\":\"cn-standard\",\"lead\":\"" lead \
  "\",\"supervisor\":\"" supervisor "\",\"manager\":\"m-01\"}"
#define AGENT(id, name, team, role, certifications)                                          \
  "{\"id\":\"" id "\",\"name\":\"" name "\",\"team\":\"" team "\",\"role\":\"" role "\","   \
  "\"seniority\":\"regular\",\"certifications\":[" certifications "],\"languages\":[\"zh\"]}"
static const char *const people =
    "{\"teams\":["
    TEAM("product_specialists", "Product specialists", "p-01", "s-01") ","
    TEAM("technical_support", "Technical support", "t-01", "s-01") ","
    TEAM("customer_relations", "Customer relations", "c-01", "s-01") ","
    TEAM("senior_specialists", "Senior specialists", "v-01", "s-01") ","
    TEAM("supervisors", "Supervisors", "s-01", "m-01") "],"
    "\"agents\":["
    AGENT("p-01", "Zhao Min", "product_specialists", "agent", "") ","
    AGENT("t-01", "Liu Yang", "technical_support", "agent", "\"erp\"") ","
    AGENT("t-02", "Chen Jie", "technical_support", "agent", "\"crm\"") ","
    AGENT("c-01", "Sun Li", "customer_relations", "agent", "") ","
    AGENT("v-01", "Zhou Hui", "senior_specialists", "agent", "\"erp\"") ","
    AGENT("s-01", "Wu Fang", "supervisors", "supervisor", "") ","
    AGENT("m-01", "Ma Lin", "supervisors", "admin", "") "]}";

#define RECEPTION "{\"kind\":\"agent\",\"id\":\"p-01\"}"
#define SCHEDULER "{\"kind\":\"system\"}"
#define ENGINEER "{\"kind\":\"agent\",\"id\":\"t-01\"}"

/* Monday 2026-03-02 09:00 in Shanghai. */
#define MONDAY_9AM 1772413200

/* Stops the program with the library's message when a call fails. */
static void check(int status, const char *call) {
  if (status == TC_OK) return;
  fprintf(stderr, "%s failed: %s: %s\n", call, tc_strerror(status), tc_errmsg());
  exit(1);
}

/* The first string value of "key" after `from` in a compact JSON result (no JSON library
 * in this small CRM: the forms are documented and stable, docs/json.md). */
static const char *field(const char *json, const char *key, char *out, size_t n) {
  char pattern[64];
  const char *at;
  size_t len = 0;
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  at = json ? strstr(json, pattern) : NULL;
  out[0] = '\0';
  if (!at) return out;
  at += strlen(pattern);
  while (at[len] && at[len] != '"' && len + 1 < n) ++len;
  memcpy(out, at, len);
  out[len] = '\0';
  return out;
}

/* Registers a customer; its id (C + yyyymmdd + serial) into id. */
static void register_customer(tc_desk *desk, const char *customer_json, char *id, size_t n) {
  char *json = NULL;
  check(tc_desk_register_customer(&json, desk, RECEPTION, customer_json), "tc_desk_register_customer");
  field(json, "id", id, n);
  tc_free(json);
}

/* Takes in a request and prints where it went: number, team, assignee, priority, and the
 * SLA targets' due times. The ticket's number into id. */
static void take_in(tc_desk *desk, const char *customer_id, const char *channel, const char *type,
                    const char *subject, const char *urgency, char *id, size_t n) {
  char request[1024], team[64], assignee[64], priority[16], due[40];
  char *json = NULL;
  const char *sla, *target;
  snprintf(request, sizeof request,
           "{\"customer_id\":\"%s\",\"channel\":\"%s\",\"request_type\":\"%s\",\"subject\":\"%s\","
           "\"urgency\":\"%s\",\"attributes\":{\"product\":\"erp\"}}",
           customer_id, channel, type, subject, urgency);
  check(tc_desk_take_in(&json, desk, RECEPTION, request), "tc_desk_take_in");
  field(json, "id", id, n);
  field(json, "team", team, sizeof team);
  field(json, "assignee", assignee, sizeof assignee);
  field(strstr(json, "\"priority\":{"), "level", priority, sizeof priority);
  printf("%s  %-6s %-28s -> %-20s %-5s %s\n", id, channel, subject, team, assignee[0] ? assignee : "(queue)",
         priority);
  /* The SLA status: one entry per target, each with its due time. */
  sla = strstr(json, "\"sla\":{");
  for (target = sla ? strstr(sla, "\"target\":\"") : NULL; target; target = strstr(target + 1, "\"target\":\"")) {
    char name[32];
    field(target, "target", name, sizeof name);
    field(target, "due_at", due, sizeof due);
    printf("             %s due %s\n", name, due);
  }
  tc_free(json);
}

int main(int argc, char **argv) {
  const char *file = argc > 1 ? argv[1] : "crm-embed.db";
  tc_desk_options options = TC_DESK_OPTIONS_INIT;
  tc_desk *desk = NULL;
  char lianhe[32], zhang[32], first[32], ticket[32], key[128];
  char *json = NULL;
  const char *at;
  int hour;

  if (tc_abi_version() != TC_ABI_VERSION) {
    fprintf(stderr, "libticketcore ABI %d, built for %d\n", tc_abi_version(), TC_ABI_VERSION);
    return 1;
  }
  remove(file); /* a fresh desk each run */
  options.store = file;
  options.people_json = people;
  options.clock = TC_CLOCK_MANUAL; /* the CRM replays a day; a live CRM keeps TC_CLOCK_SYSTEM */
  options.start_time = MONDAY_9AM;
  check(tc_desk_open(&desk, &options), "tc_desk_open");
  printf("ticketcore %s, desk on %s\n\n", tc_version(), file);

  register_customer(desk, "{\"kind\":\"enterprise\",\"name\":\"Hangzhou Lianhe Manufacturing\","
                          "\"phones\":[\"0571-8888-1234\"],\"emails\":[\"it@lianhe.example\"]}",
                    lianhe, sizeof lianhe);
  register_customer(desk, "{\"kind\":\"individual\",\"name\":\"Zhang Wei\",\"phones\":[\"13912345678\"]}", zhang,
                    sizeof zhang);
  printf("customers %s, %s\n\nticket      channel subject                      team                 who   priority\n",
         lianhe, zhang);

  take_in(desk, lianhe, "phone", "technical_support", "ERP order module down", "high", first, sizeof first);
  take_in(desk, lianhe, "email", "technical_support", "ERP invoices print blank", "medium", ticket, sizeof ticket);
  take_in(desk, zhang, "portal", "consultation", "How do I export my orders?", "low", ticket, sizeof ticket);
  take_in(desk, zhang, "wechat", "complaint", "Refund still not received", "high", ticket, sizeof ticket);

  /* The CRM's scheduler sweeps every hour of the working day; at 10:00 Liu Yang answers
     the first ticket, so its first-response clock stops in time and nothing is owed on it. */
  printf("\nsweeps (the other tickets wait for an answer all day):\n");
  for (hour = 1; hour <= 9; ++hour) {
    check(tc_desk_set_time(desk, MONDAY_9AM + hour * 3600), "tc_desk_set_time");
    if (hour == 1) {
      check(tc_desk_comment(&json, desk, ENGINEER, first, 0, "Looking at the order module now."), "tc_desk_comment");
      tc_free(json);
    }
    check(tc_desk_due(&json, desk, SCHEDULER, 0), "tc_desk_due");
    for (at = strstr(json, "\"key\":\""); at; at = strstr(at + 1, "\"key\":\""))
      printf("  %02d:00 %s\n", 9 + hour, field(at, "key", key, sizeof key));
    tc_free(json);
  }

  /* Liu Yang's queue, the earliest due first. */
  check(tc_desk_agent_queue(&json, desk, ENGINEER, "t-01", 0, NULL), "tc_desk_agent_queue");
  printf("\nt-01's queue:");
  /* Ticket numbers begin with the year ("202603-001"); other ids in a ticket do not. */
  for (at = strstr(json, "\"id\":\"2"); at; at = strstr(at + 1, "\"id\":\"2"))
    printf(" %s", field(at, "id", key, sizeof key));
  printf("\n");
  tc_free(json);
  tc_desk_close(desk);

  /* Everything is in the file: reopen it and read the first ticket back. */
  options.start_time = MONDAY_9AM + 10 * 3600;
  check(tc_desk_open(&desk, &options), "tc_desk_open (again)");
  check(tc_desk_show(&json, desk, ENGINEER, first), "tc_desk_show");
  printf("\nreopened: %s is %s, %s\n", first, field(json, "status", key, sizeof key),
         strstr(json, "\"kind\":\"created\"") ? "its history kept" : "its history LOST");
  tc_free(json);
  tc_desk_close(desk);
  return 0;
}
