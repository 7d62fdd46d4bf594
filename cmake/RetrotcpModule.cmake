# retrotcp_add_module(NAME
#                     MODEL  src...        # model/ sources (.cc)
#                     HELPER src...        # helper/ sources (.cc)
#                     TEST   src...        # test/ sources (Catch2, .cc)
#                     LIBRARIES lib...)    # ns-3 targets and other modules
#
# Declares an ns-3-style model library `retrotcp-NAME` (alias retrotcp::NAME) built
# from a module directory laid out as model/, helper/, test/, doc/. Include paths
# are the module's model/ and helper/ folders, so code includes "legacy-tcp-socket.h"
# the way ns-3 modules include their own headers. Test sources become one Catch2
# executable `test-NAME`, registered with CTest (one CTest test per test case).
function(retrotcp_add_module name)
  cmake_parse_arguments(M "" "" "MODEL;HELPER;TEST;LIBRARIES" ${ARGN})
  set(target retrotcp-${name})
  list(TRANSFORM M_MODEL PREPEND model/)
  list(TRANSFORM M_HELPER PREPEND helper/)
  add_library(${target} STATIC ${M_MODEL} ${M_HELPER})
  add_library(retrotcp::${name} ALIAS ${target})
  target_include_directories(${target} PUBLIC
    ${CMAKE_CURRENT_SOURCE_DIR}/model ${CMAKE_CURRENT_SOURCE_DIR}/helper)
  target_link_libraries(${target} PUBLIC ${M_LIBRARIES})
  target_compile_options(${target} PRIVATE ${RETROTCP_WARNINGS})
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)

  if(RETROTCP_TESTS AND M_TEST)
    list(TRANSFORM M_TEST PREPEND test/)
    add_executable(test-${name} ${M_TEST})
    target_link_libraries(test-${name} PRIVATE ${target} retrotcp-test-support)
    target_compile_options(test-${name} PRIVATE ${RETROTCP_WARNINGS})
    catch_discover_tests(test-${name} TEST_PREFIX "${name}: "
      PROPERTIES LABELS ${name})
  endif()
endfunction()
