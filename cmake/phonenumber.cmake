# PhoneNumber::PhoneNumber, Google's libphonenumber: Debian 12's libphonenumber-dev
# ships neither a CMake package nor a pkg-config file, so find it by hand.
if(NOT TARGET PhoneNumber::PhoneNumber)
  find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
  find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
  add_library(PhoneNumber::PhoneNumber UNKNOWN IMPORTED)
  set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
    IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}")
endif()
