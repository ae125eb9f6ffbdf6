# Installation (`cmake --install`) and the Debian package (`cpack`, `--target package`).
#
#   cmake --build build --target package     ->  build/godwit_<version>_<arch>.deb
#   cpack --config build/CPackConfig.cmake -B DIR      (the same, into DIR)
#
# The package holds every install() rule of the project: the binary (here) and whatever other
# files declare (cmake/docs.cmake: man page, shell completions). Its Depends line is what
# dpkg-shlibdeps (dpkg-dev) finds in the binary's ELF header -- libc6, libstdc++6, libgcc-s1,
# libsqlite3-0, libssl3 (libcrypto, linked dynamically unless GODWIT_STATIC_LIBCRYPTO) -- plus
# libpq5, which godwit loads with dlopen() on the first PostgreSQL connection and which the
# ELF header therefore does not name. Linking libcrypto dynamically is what lets an OpenSSL
# security update from Debian reach godwit (see CMakeLists.txt); the package refuses to be
# built with GODWIT_STATIC_LIBCRYPTO=ON.
include(GNUInstallDirs)

install(TARGETS godwit RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The repository has no licence file yet; when one is added as LICENSE it is installed where
# Debian expects a package's copyright notice.
if(EXISTS ${PROJECT_SOURCE_DIR}/LICENSE)
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR}
          RENAME copyright)
endif()

set(GODWIT_DEB_MAINTAINER "godwit maintainers <maintainers@godwit.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_VERBATIM_VARIABLES TRUE)  # values reach cpack as written here (regexes, newlines)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME godwit)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "godwit")
set(CPACK_PACKAGE_CONTACT "${GODWIT_DEB_MAINTAINER}")
# Next to the build tree: build/godwit_0.1.0_amd64.deb (cpack -B overrides it).
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR})
set(CPACK_STRIP_FILES ON)  # the build is RelWithDebInfo; the package ships no debug info
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Prisma-Migrate-compatible database migration engine")
# The long description; CPack puts the summary above it as the first line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "godwit reads the same prisma/schema.prisma, the same prisma/migrations
folders and migration_lock.toml as Prisma Migrate and writes the same
_prisma_migrations history table with the same checksums, so a project can
switch between the two tools on the same database. It runs every migration
atomically where the database allows it, names the failing statement with
its file and line, and reports edited and missing migrations in
migrate status. SQLite and PostgreSQL (through libpq) are supported.")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # <name>_<version>_<arch>.deb, Debian's naming
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${GODWIT_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Merged with what dpkg-shlibdeps finds. libpq >= 12: godwit passes gssencmode=disable, a
# connection keyword older libpq rejects.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libpq5 (>= 12)")
# Whatever else the PostgreSQL connection may use (libpq's own Kerberos/LDAP libraries) comes
# with libpq5's Depends.

if(GODWIT_STATIC_LIBCRYPTO)
  # Not an error at configure time: such a build is fine for benchmarks or a self-contained
  # binary; only a .deb of it would keep a stale OpenSSL after Debian's security updates.
  set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/refuse-static-libcrypto.cmake)
endif()

# `--target package_source` (not used by anything here): the sources, not build trees or git.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/\\.cache/" "\\.db$" "\\.db-journal$")

include(CPack)
