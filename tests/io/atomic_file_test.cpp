#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using crbc::io::AtomicFile;
using crbc::io::OutputError;

namespace {

fs::path fresh_directory() {
  const fs::path dir = fs::temp_directory_path() / ("crbc-io-" + std::to_string(::getpid()) + "-" +
                                                    std::to_string(std::rand()));
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t entries_in(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("a committed file appears whole under its name") {
  const fs::path dir = fresh_directory();
  {
    AtomicFile file((dir / "out.json").string());
    file.stream() << "{\"a\":1}\n";
    CHECK_FALSE(fs::exists(dir / "out.json"));
    file.commit();
  }
  CHECK(slurp(dir / "out.json") == "{\"a\":1}\n");
  CHECK(entries_in(dir) == 1);
  fs::remove_all(dir);
}

TEST_CASE("an uncommitted file leaves nothing behind and keeps the old target") {
  const fs::path dir = fresh_directory();
  std::ofstream(dir / "out.json") << "old";
  {
    AtomicFile file((dir / "out.json").string());
    file.stream() << std::string(200000, 'x');
  }
  CHECK(slurp(dir / "out.json") == "old");
  CHECK(entries_in(dir) == 1);
  fs::remove_all(dir);
}

TEST_CASE("a missing directory is reported with the target's name") {
  try {
    AtomicFile file("/nonexistent-crbc-dir/out.json");
    FAIL("expected an OutputError");
  } catch (const OutputError& error) {
    CHECK_THAT(error.what(), Catch::Contains("/nonexistent-crbc-dir/out.json"));
  }
}

TEST_CASE("a full disk fails the commit and keeps no partial file") {
  if (!fs::exists("/dev/full")) return;
  // /dev/full's directory is not writable for a temporary, so write through a
  // stream buffer on it directly: the error must be remembered, not dropped.
  const int fd = ::open("/dev/full", O_WRONLY);
  REQUIRE(fd >= 0);
  crbc::io::FdStreamBuf buffer(fd);
  std::ostream stream(&buffer);
  stream << std::string(1 << 17, 'x') << std::flush;
  CHECK(buffer.error() == ENOSPC);
  CHECK_FALSE(stream.good());
  ::close(fd);
}
