// fmt's compiled part, built once for the whole binary.
//
// Debian ships fmt's compiled part only as libfmt.so.9, a soname other distributions lack
// (Ubuntu 22.04 has 8, Debian 13 has 10), so a binary shipped outside Debian (npm) cannot link
// it. fmt's header-only mode avoids that but makes every translation unit that formats compile
// fmt's implementation again: 40 % of a typical TU's compile time here. Instead, every TU uses
// fmt's headers as for the shared library, and this one TU compiles the implementation header
// the installed fmt provides (fmt/format-inl.h) with the explicit instantiations its own
// src/format.cc makes; the headers declare them `extern template`.
#include <fmt/format-inl.h>

static_assert(FMT_VERSION / 100 == 901,
              "fmt_compiled.cpp lists fmt 9.1's instantiations (its src/format.cc); update it for "
              "this fmt version");

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

template FMT_API locale_ref::locale_ref(const std::locale& loc);
template FMT_API auto locale_ref::get<std::locale>() const -> std::locale;

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
template FMT_API void vformat_to(buffer<char>&, string_view,
                                 basic_format_args<FMT_BUFFER_CONTEXT(char)>, locale_ref);

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<wchar_t>;
template FMT_API auto decimal_point_impl(locale_ref) -> wchar_t;
template FMT_API void buffer<wchar_t>::append(const wchar_t*, const wchar_t*);

}  // namespace detail
FMT_END_NAMESPACE
