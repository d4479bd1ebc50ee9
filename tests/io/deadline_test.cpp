#include "io/deadline.hpp"

#include <catch2/catch.hpp>
#include <thread>

using crbc::io::Deadline;
using crbc::io::TimeLimitExceeded;
using namespace std::chrono_literals;

TEST_CASE("a default deadline never passes", "[deadline]") {
  const Deadline none;
  CHECK_FALSE(none.passed());
  CHECK_NOTHROW(none.check());
  CHECK_FALSE(Deadline(0s).passed());
}

TEST_CASE("a deadline passes after its budget and then names it", "[deadline]") {
  const Deadline soon(2ms);
  std::this_thread::sleep_for(5ms);
  CHECK(soon.passed());
  CHECK_THROWS_WITH(soon.check(), Catch::Contains("time limit of 0.002 s"));
  CHECK_FALSE(Deadline(1h).passed());
}
