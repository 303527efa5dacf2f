# Build helpers: one static library per module, one test executable per module.

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
  set(CMAKE_C_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

add_compile_options(-Wall -Wextra -Werror -Wno-missing-field-initializers)
if(ADMIN365_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ADMIN365_FUZZ needs clang (libFuzzer): scripts/fuzz.sh sets it up")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
  # Debian 12's clang 16 implements what libstdc++ 12's <expected> needs (P0848,
  # conditionally trivial special members) but still reports the C++20 concepts of
  # 2019, so <expected> would hide std::expected: report 202002L, as clang 19 does.
  add_compile_options(-U__cpp_concepts -D__cpp_concepts=202002L -Wno-macro-redefined
                      -Wno-builtin-macro-redefined)
endif()
if(ADMIN365_SANITIZE)
  # Without UBSan's vptr check: it reads each new (object, type) pair through a pipe, so it
  # needs two free descriptors, and reports a valid object as "invalid vptr" when there are
  # none. The server's out-of-descriptors path (EMFILE on accept) is tested, and Boost
  # builds an error_code there.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# admin365_library(NAME name SRCS ... DEPS ...)
# A static library `admin365_<name>` whose headers are included as "<module>/<file>.h".
function(admin365_library)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  add_library(admin365_${ARG_NAME} STATIC ${ARG_SRCS})
  target_include_directories(admin365_${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(admin365_${ARG_NAME} PUBLIC ${ARG_DEPS})
endfunction()

# admin365_test(NAME name SRCS ... DEPS ...)
# A GoogleTest executable `<name>` registered with CTest.
function(admin365_test)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  if(NOT ADMIN365_BUILD_TESTS)
    return()
  endif()
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_include_directories(${ARG_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60)
endfunction()
