# Strict warnings for the project's own targets (not for third-party headers).
function(textmend_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wcast-align -Wunused -Woverloaded-virtual -Wimplicit-fallthrough)
  if(TEXTMEND_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
