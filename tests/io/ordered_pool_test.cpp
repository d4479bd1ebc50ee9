#include "io/ordered_pool.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>
#include <vector>

using crbc::io::OrderedPool;

TEST_CASE("results come back in submission order whatever the finishing order") {
  for (const unsigned threads : {1U, 2U, 8U}) {
    std::vector<int> delivered;
    {
      OrderedPool<int> pool(threads, [&](int&& value) { delivered.push_back(value); });
      for (int i = 0; i < 200; ++i) {
        pool.submit([i] {
          // Early tasks sleep longer, so later ones finish first.
          std::this_thread::sleep_for(std::chrono::microseconds((200 - i) % 7 * 50));
          return i;
        });
      }
      pool.finish();
    }
    REQUIRE(delivered.size() == 200);
    for (int i = 0; i < 200; ++i) CHECK(delivered[static_cast<std::size_t>(i)] == i);
  }
}

TEST_CASE("the number of results held back stays bounded") {
  std::size_t submitted = 0;
  std::size_t delivered = 0;
  std::size_t most_outstanding = 0;
  OrderedPool<int> pool(4, [&](int&&) { ++delivered; });
  for (int i = 0; i < 1000; ++i) {
    pool.submit([] { return 0; });
    ++submitted;
    most_outstanding = std::max(most_outstanding, submitted - delivered);
  }
  pool.finish();
  CHECK(delivered == 1000);
  CHECK(most_outstanding <= 16);
}
