# Strict warnings for the project's own targets (not for third-party headers).
function(textmend_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wcast-align -Wunused -Woverloaded-virtual -Wimplicit-fallthrough)
  # GCC 12 reports false -Wrestrict overlaps inside std::string's own
  # operator+ and assign at -O2 and above (GCC bug 105651); off until fixed.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(TEXTMEND_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
