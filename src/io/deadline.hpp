// A per-document time budget. Work checks it between its stages; every stage is
// kept about linear in the input by the size, depth and element caps, so a
// pathological document overruns its budget by one stage at most.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>

namespace crbc::io {

class TimeLimitExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  // No limit.
  Deadline() = default;
  // `budget` from now; zero or less means no limit.
  explicit Deadline(std::chrono::duration<double> budget)
      : budget_(budget),
        limited_(budget.count() > 0),
        at_(limited_ ? Clock::now() + std::chrono::duration_cast<Clock::duration>(budget)
                     : Clock::time_point::max()) {}

  bool passed() const noexcept { return limited_ && Clock::now() >= at_; }

  // Throws TimeLimitExceeded once the deadline has passed.
  void check() const {
    if (passed()) {
      throw TimeLimitExceeded("gave up after the per-document time limit of " + seconds_text() +
                              " s (--document-time-limit)");
    }
  }

 private:
  std::string seconds_text() const {
    std::string text = std::to_string(budget_.count());
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text;
  }

  std::chrono::duration<double> budget_{0};
  bool limited_ = false;
  Clock::time_point at_ = Clock::time_point::max();
};

}  // namespace crbc::io
