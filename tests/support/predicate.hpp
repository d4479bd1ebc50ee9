// Checks of a predicate on text against the inputs it must and must not hold for.
#pragma once

#include <catch2/catch.hpp>
#include <initializer_list>
#include <string_view>

namespace crbc::testing {

// `holds` is true of each input of `yes` and false of each of `no`; a failure names
// the input.
template <typename Predicate>
void check_predicate(Predicate holds, std::initializer_list<std::string_view> yes,
                     std::initializer_list<std::string_view> no) {
  for (const std::string_view input : yes) {
    INFO("input \"" << input << "\"");
    CHECK(holds(input));
  }
  for (const std::string_view input : no) {
    INFO("input \"" << input << "\"");
    CHECK_FALSE(holds(input));
  }
}

}  // namespace crbc::testing
