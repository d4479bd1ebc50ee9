// Value checks shared by the option definitions. A check's description is part of the
// option's definition: `--help`, `crbc __options` and, through it, the man pages and
// completions all read the same list.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace crbc::cli {

// One of `choices`, or a value `other_spelling` takes ("md" for markdown), else a usage
// error naming the choices ("unknown format \"x\" (one of: a, b)"), where `what` names
// the kind of value. Described as "{a,b}", the way CLI11 describes its own sets.
CLI::Validator choice_of(const std::vector<std::string_view>& choices, std::string what,
                         std::function<bool(std::string_view)> other_spelling = {});

// The choices of a choice_of() check in an option's type name ("FORMAT:{json,yaml}"
// gives json and yaml); none when it has no such check.
std::vector<std::string> described_choices(std::string_view type_name);

}  // namespace crbc::cli
