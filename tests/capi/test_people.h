/* The desk's people for the C ABI's tests and fuzz targets: the C++ tests'
   fixture::standard_desk, as a CRM would hand them over in tc_desk_options.people_json. */
#ifndef TC_TESTS_TEST_PEOPLE_H
#define TC_TESTS_TEST_PEOPLE_H

#define TEAM(id, lead, supervisor)                                                              \
  "{\"id\":\"" id "\",\"name\":\"" id "\",\"calendar\":\"cn-standard\",\"lead\":\"" lead "\"," \
  "\"supervisor\":\"" supervisor "\",\"manager\":\"m-01\"}"
#define AGENT(id, team, role, seniority, certifications)                                       \
  "{\"id\":\"" id "\",\"name\":\"" id "\",\"team\":\"" team "\",\"role\":\"" role "\","        \
  "\"seniority\":\"" seniority "\",\"certifications\":[" certifications "],\"languages\":[\"zh\",\"en\"]}"

#define TEST_PEOPLE \
    "{\"teams\":[" \
    TEAM("product_specialists", "p-01", "s-01") "," TEAM("technical_support", "t-lead", "s-01") "," \
    TEAM("customer_relations", "c-01", "s-02") "," TEAM("senior_specialists", "v-01", "s-02") "," \
    TEAM("supervisors", "s-01", "m-01") \
    "],\"agents\":[" \
    AGENT("p-01", "product_specialists", "agent", "regular", "") "," \
    AGENT("t-lead", "technical_support", "agent", "expert", "\"erp\"") "," \
    AGENT("t-01", "technical_support", "agent", "regular", "\"erp\"") "," \
    AGENT("t-02", "technical_support", "agent", "regular", "\"crm\"") "," \
    AGENT("c-01", "customer_relations", "agent", "regular", "") "," \
    AGENT("v-01", "senior_specialists", "agent", "senior", "\"erp\"") "," \
    AGENT("s-01", "supervisors", "supervisor", "expert", "") "," \
    AGENT("s-02", "supervisors", "supervisor", "expert", "") "," \
    AGENT("m-01", "supervisors", "admin", "expert", "") \
    "]}"

#endif
