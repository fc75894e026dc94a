# Installs headers, the libraries and a CMake package so that a host project can
# find_package(ticketcore) and link ticketcore::ticketcore; plus a pkg-config file.
include(CMakePackageConfigHelpers)

install(DIRECTORY include/ticketcore DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS ticketcore_core ticketcore EXPORT ticketcoreTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT ticketcoreTargets NAMESPACE ticketcore::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ticketcore)

configure_package_config_file(cmake/ticketcoreConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/ticketcoreConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ticketcore)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/ticketcoreConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ticketcoreConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/ticketcoreConfigVersion.cmake
  cmake/phonenumber.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ticketcore)

# pkg-config files that hold no absolute path: the prefix is found from the file's own
# place (${pcfiledir}), so `cmake --install --prefix P` works for any P.
file(RELATIVE_PATH TC_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
set(TC_PC_POSTGRES "")
if(TICKETCORE_WITH_POSTGRESQL)
  set(TC_PC_POSTGRES libpq)
endif()
configure_file(cmake/ticketcore.pc.in ${CMAKE_CURRENT_BINARY_DIR}/ticketcore.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ticketcore.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(TICKETCORE_BUILD_CAPI)
  configure_file(cmake/ticketcore-c.pc.in ${CMAKE_CURRENT_BINARY_DIR}/ticketcore-c.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ticketcore-c.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
