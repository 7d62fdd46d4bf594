# What `cmake --install` adds beyond each module's library, headers and .pc file
# (retrotcp_add_module): the CMake package, find_package(retrotcp) with imported
# targets retrotcp::legacy-tcp, retrotcp::apps, retrotcp::lanman, ...; the umbrella
# pkg-config file retrotcp.pc; and the retrotcp command.
include(CMakePackageConfigHelpers)
set(RETROTCP_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/retrotcp)
get_property(RETROTCP_INSTALLED_MODULES GLOBAL PROPERTY RETROTCP_INSTALLED_MODULES)

install(EXPORT retrotcp-targets NAMESPACE retrotcp:: FILE retrotcpTargets.cmake
  DESTINATION ${RETROTCP_PACKAGE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/retrotcpConfig.cmake.in
  ${PROJECT_BINARY_DIR}/retrotcpConfig.cmake INSTALL_DESTINATION ${RETROTCP_PACKAGE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/retrotcpConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/retrotcpConfig.cmake
  ${PROJECT_BINARY_DIR}/retrotcpConfigVersion.cmake DESTINATION ${RETROTCP_PACKAGE_DIR})

set(requires "")
foreach(module IN LISTS RETROTCP_INSTALLED_MODULES)
  string(APPEND requires " retrotcp-${module}")
endforeach()
file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/pkgconfig/retrotcp.pc @ONLY CONTENT
"Name: retrotcp
Description: retrotcp: legacy Microsoft TCP/IP stacks (LAN Manager, Winsock) for ns-3.37
Version: ${PROJECT_VERSION}
Requires:${requires}
")
install(FILES ${PROJECT_BINARY_DIR}/pkgconfig/retrotcp.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(TARGETS retrotcp RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
set_target_properties(retrotcp PROPERTIES INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
