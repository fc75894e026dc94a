// tc_version, tc_version_number, tc_abi_version: the library's side of the header's macros.
#include "ticketcore.h"

// The header's version is the project's (CMake passes TC_PROJECT_VERSION_* in).
static_assert(TC_VERSION_MAJOR == TC_PROJECT_VERSION_MAJOR && TC_VERSION_MINOR == TC_PROJECT_VERSION_MINOR &&
                  TC_VERSION_PATCH == TC_PROJECT_VERSION_PATCH,
              "ticketcore.h's TC_VERSION_* differ from project(VERSION) in CMakeLists.txt");

// The soname's number is the ABI version the header promises.
static_assert(TC_ABI_VERSION == TC_PROJECT_SOVERSION, "ticketcore.h's TC_ABI_VERSION differs from the SOVERSION");

#define TC_STRINGIFY2(x) #x
#define TC_STRINGIFY(x) TC_STRINGIFY2(x)

extern "C" {

const char* tc_version(void) {
  return TC_STRINGIFY(TC_VERSION_MAJOR) "." TC_STRINGIFY(TC_VERSION_MINOR) "." TC_STRINGIFY(TC_VERSION_PATCH);
}

int tc_version_number(void) { return TC_VERSION_NUMBER; }

int tc_abi_version(void) { return TC_ABI_VERSION; }

}  // extern "C"
