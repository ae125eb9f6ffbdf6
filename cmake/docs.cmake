# The man page and the bash, zsh and fish completion scripts, generated from godwit's command
# tree and --help texts (src/cli/docgen.hpp) by tools/godwit-docgen.cpp. The default build
# writes them under build/share/ (the layout they are installed in), `cmake --install` puts
# them below the prefix:
#   share/man/man1/godwit.1.gz                  (godwit.1 when gzip is missing)
#   share/bash-completion/completions/godwit
#   share/zsh/vendor-completions/_godwit        (GODWIT_ZSH_COMPLETION_DIR)
#   share/fish/vendor_completions.d/godwit.fish
# The binary's own install() rule is in cmake/packaging.cmake.
include(GNUInstallDirs)

set(GODWIT_ZSH_COMPLETION_DIR "${CMAKE_INSTALL_DATAROOTDIR}/zsh/vendor-completions"
    CACHE STRING "Where zsh completions are installed (relative to the prefix)")

add_executable(godwit-docgen tools/godwit-docgen.cpp)
target_link_libraries(godwit-docgen PRIVATE godwit_cli)

# The generated tree; tests/live/completion_scripts_test.cpp runs its scripts.
set(GODWIT_DOCS_DIR ${PROJECT_BINARY_DIR}/share)
set(_godwit_man ${GODWIT_DOCS_DIR}/man/man1/godwit.1)
set(_godwit_bash ${GODWIT_DOCS_DIR}/bash-completion/completions/godwit)
set(_godwit_zsh ${GODWIT_DOCS_DIR}/zsh/vendor-completions/_godwit)
set(_godwit_fish ${GODWIT_DOCS_DIR}/fish/vendor_completions.d/godwit.fish)

set(_godwit_docs)
foreach(kind man bash zsh fish)
  set(out ${_godwit_${kind}})
  get_filename_component(dir ${out} DIRECTORY)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND godwit-docgen ${kind} ${out}
    DEPENDS godwit-docgen
    COMMENT "Generating ${out}"
    VERBATIM)
  list(APPEND _godwit_docs ${out})
endforeach()

find_program(GZIP_EXECUTABLE gzip)
set(_godwit_man_installed ${_godwit_man})
if(GZIP_EXECUTABLE)
  # -n: no name or time stamp in the header, so the same page gives the same bytes.
  add_custom_command(
    OUTPUT ${_godwit_man}.gz
    COMMAND ${GZIP_EXECUTABLE} -9 -n -f -k ${_godwit_man}
    DEPENDS ${_godwit_man}
    COMMENT "Compressing ${_godwit_man}"
    VERBATIM)
  list(APPEND _godwit_docs ${_godwit_man}.gz)
  set(_godwit_man_installed ${_godwit_man}.gz)
endif()

add_custom_target(godwit_docs ALL DEPENDS ${_godwit_docs})

install(FILES ${_godwit_man_installed} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${_godwit_bash} DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions)
install(FILES ${_godwit_zsh} DESTINATION ${GODWIT_ZSH_COMPLETION_DIR})
install(FILES ${_godwit_fish} DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/fish/vendor_completions.d)
