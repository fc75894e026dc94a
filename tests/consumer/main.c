/* A C host against the installed C ABI, found through pkg-config: the ABI version, a desk
 * in memory, one customer registered and read back as JSON. Exits non-zero if anything is off. */
#include <stdio.h>
#include <string.h>

#include <ticketcore/ticketcore.h>

/* The teams the standard preset routes to, and one admin to act as. */
#define PEOPLE                                                                                      \
  "{\"teams\": [{\"id\": \"product_specialists\", \"name\": \"Product\"},"                       \
  "{\"id\": \"technical_support\", \"name\": \"Technical\"},"                                      \
  "{\"id\": \"customer_relations\", \"name\": \"Relations\"},"                                     \
  "{\"id\": \"senior_specialists\", \"name\": \"Senior\"}, {\"id\": \"supervisors\", \"name\": \"Supervisors\"}]," \
  "\"agents\": [{\"id\": \"m-01\", \"name\": \"Admin\", \"team\": \"customer_relations\", \"role\": \"admin\"}]}"

int main(void) {
  tc_desk_options options = TC_DESK_OPTIONS_INIT;
  tc_desk *desk = NULL;
  char *customer = NULL;
  int ok;
  options.people_json = PEOPLE;
  ok = tc_abi_version() == TC_ABI_VERSION && tc_desk_open(&desk, &options) == TC_OK &&
           tc_desk_register_customer(&customer, desk, "{\"kind\": \"admin\", \"id\": \"m-01\"}",
                                     "{\"name\": \"Ningbo Port Logistics\", \"kind\": \"partner\"}") == TC_OK &&
           strstr(customer, "\"id\":\"C") != NULL;
  printf("c consumer: %s %s\n", ok ? "ok" : "FAILED", ok ? customer : tc_errmsg());
  tc_free(customer);
  tc_desk_close(desk);
  return ok ? 0 : 1;
}
