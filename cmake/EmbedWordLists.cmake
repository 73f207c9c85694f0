# Compiles small word lists from dictionaries/ into a header of string
# constants, so the program needs no data files for them. Re-runs when a
# list changes.
function(textmend_embed_word_lists out)
  set(content "#pragma once\n// Generated from dictionaries/*.txt by cmake/EmbedWordLists.cmake. Do not edit.\n#include <string_view>\nnamespace textmend::data {\n")
  set(args ${ARGN})
  while(args)
    list(POP_FRONT args name file)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${file})
    file(READ ${CMAKE_SOURCE_DIR}/${file} text)
    string(APPEND content "inline constexpr std::string_view ${name} = R\"TMWL(${text})TMWL\";\n")
  endwhile()
  string(APPEND content "}  // namespace textmend::data\n")
  file(CONFIGURE OUTPUT ${out} CONTENT "${content}" @ONLY)
endfunction()
