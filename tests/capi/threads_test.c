/* One desk handle driven from 8 threads at once (ticketcore.h: "one tc_desk may be used
   from several threads at once"): each thread takes in tickets, reads each one back,
   comments on it and reads the configuration in force, and fails a call of its own to
   check that error messages stay per thread; thread 0 also moves the manual clock and
   sweeps. Afterwards every ticket is there once, with its own number. scripts/test runs
   it again under ThreadSanitizer (the tsan preset). */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "desk_setup.h"

enum { THREADS = 8, TICKETS_PER_THREAD = 25 };

struct worker {
  tc_desk *desk;
  const char *customer;
  int index;
  char ids[TICKETS_PER_THREAD][32];
  int failures; /* counted here: check_failures is not shared between threads */
};

#define WORKER_CHECK(w, cond)                                                                          \
  do {                                                                                                 \
    if (!(cond)) {                                                                                     \
      fprintf(stderr, "thread %d: %s:%d: %s failed (tc_errmsg: \"%s\")\n", (w)->index, __FILE__, __LINE__, \
              #cond, tc_errmsg());                                                                     \
      ++(w)->failures;                                                                                 \
    }                                                                                                  \
  } while (0)

static void *work(void *arg) {
  struct worker *w = arg;
  char request[512], subject[64], missing[32], pattern[96];
  char *json = NULL;
  int i;
  for (i = 0; i < TICKETS_PER_THREAD; ++i) {
    snprintf(subject, sizeof subject, "thread %d ticket %d", w->index, i);
    snprintf(request, sizeof request,
             "{\"customer_id\":\"%s\",\"channel\":\"chat\",\"request_type\":\"consultation\","
             "\"subject\":\"%s\",\"urgency\":\"low\"}",
             w->customer, subject);
    WORKER_CHECK(w, tc_desk_take_in(&json, w->desk, RECEIVER, request) == TC_OK);
    json_text(json, "id", w->ids[i], sizeof w->ids[i]);
    tc_free(json);
    json = NULL;

    WORKER_CHECK(w, tc_desk_show(&json, w->desk, ADMIN, w->ids[i]) == TC_OK);
    snprintf(pattern, sizeof pattern, "\"id\":\"%s\"", w->ids[i]);
    WORKER_CHECK(w, json && strstr(json, pattern));
    snprintf(pattern, sizeof pattern, "\"subject\":\"%s\"", subject);
    WORKER_CHECK(w, json && strstr(json, pattern));
    WORKER_CHECK(w, json && strstr(json, "\"sla\":{"));
    tc_free(json);
    json = NULL;

    WORKER_CHECK(w, tc_desk_comment(&json, w->desk, ADMIN, w->ids[i], 0, "Looking into it.") == TC_OK);
    tc_free(json);
    json = NULL;
    WORKER_CHECK(w, tc_desk_config(&json, w->desk) == TC_OK);
    tc_free(json);
    json = NULL;
    if (w->index == 0) {
      WORKER_CHECK(w, tc_desk_set_time(w->desk, TEST_START + (i + 1) * 600) == TC_OK);
      WORKER_CHECK(w, tc_desk_due(&json, w->desk, SYSTEM, 0) == TC_OK);
      tc_free(json);
      json = NULL;
    }

    /* This thread's own failure: its message names its own ticket, whatever the others do. */
    snprintf(missing, sizeof missing, "209912-%d%02d", w->index, i);
    WORKER_CHECK(w, tc_desk_show(&json, w->desk, ADMIN, missing) == TC_NOT_FOUND);
    WORKER_CHECK(w, strstr(tc_errmsg(), missing) != NULL);
  }
  return NULL;
}

static int count(const char *text, const char *part) {
  int n = 0;
  const char *at = text;
  while (at && (at = strstr(at, part)) != NULL) {
    ++n;
    at += strlen(part);
  }
  return n;
}

int main(void) {
  char dir[] = "/tmp/tc_capi_threads_XXXXXX", path[128], customer[64];
  struct worker workers[THREADS];
  pthread_t threads[THREADS];
  tc_desk *desk = NULL;
  tc_desk_options options;
  char *json = NULL;
  int i, k, a, b;

  if (!mkdtemp(dir)) return 2;
  snprintf(path, sizeof path, "%s/desk.db", dir);
  options = test_options(path);
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_OK);
  if (!desk) return 1;
  CHECK_STATUS(tc_desk_register_customer(&json, desk, RECEIVER, "{\"name\":\"Li Wei\",\"phones\":[\"13900001111\"]}"),
               TC_OK);
  json_text(json, "id", customer, sizeof customer);
  tc_free(json);

  for (i = 0; i < THREADS; ++i) {
    memset(&workers[i], 0, sizeof workers[i]);
    workers[i].desk = desk;
    workers[i].customer = customer;
    workers[i].index = i;
    CHECK(pthread_create(&threads[i], NULL, work, &workers[i]) == 0);
  }
  for (i = 0; i < THREADS; ++i) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    check_failures += workers[i].failures;
  }

  /* Every number handed out once. */
  for (i = 0; i < THREADS; ++i)
    for (k = 0; k < TICKETS_PER_THREAD; ++k) {
      CHECK(strncmp(workers[i].ids[k], "202603-", 7) == 0);
      for (a = i; a < THREADS; ++a)
        for (b = (a == i ? k + 1 : 0); b < TICKETS_PER_THREAD; ++b)
          CHECK(strcmp(workers[i].ids[k], workers[a].ids[b]) != 0);
    }

  /* And every ticket stored. */
  CHECK_STATUS(tc_desk_find_tickets(&json, desk, ADMIN, "{\"limit\":1000}"), TC_OK);
  CHECK(count(json, "\"subject\":\"thread ") == THREADS * TICKETS_PER_THREAD);
  tc_free(json);
  tc_desk_close(desk);

  snprintf(path, sizeof path, "%s/desk.db", dir);
  unlink(path);
  snprintf(path, sizeof path, "%s/desk.db-wal", dir);
  unlink(path);
  snprintf(path, sizeof path, "%s/desk.db-shm", dir);
  unlink(path);
  rmdir(dir);
  if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures);
  return check_failures ? 1 : 0;
}
