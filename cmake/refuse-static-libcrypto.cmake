# CPACK_PRE_BUILD_SCRIPTS of cmake/packaging.cmake when GODWIT_STATIC_LIBCRYPTO=ON: a Debian
# package of a binary carrying its own libcrypto would not pick up Debian's OpenSSL security
# updates, so none is built.
message(FATAL_ERROR
        "godwit: this build links libcrypto statically (GODWIT_STATIC_LIBCRYPTO=ON); a Debian "
        "package of it would keep its own OpenSSL after Debian's security updates. Build the "
        "package from a build configured with -DGODWIT_STATIC_LIBCRYPTO=OFF (the default).")
