#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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

// Whether a temporary of ours sits in `dir`: beside a device, committing it would put a
// file in the device's place, so tests on devices stop before that.
bool temporary_in(const fs::path& dir) {
  return std::any_of(fs::directory_iterator(dir), fs::directory_iterator(), [](const auto& entry) {
    return entry.path().filename().string().starts_with(".crbc-");
  });
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

TEST_CASE("a full disk fails the commit") {
  if (!fs::exists("/dev/full")) return;
  AtomicFile file("/dev/full");
  REQUIRE_FALSE(temporary_in("/dev"));
  file.stream() << std::string(1 << 17, 'x');
  CHECK_THROWS_WITH(file.commit(), Catch::Contains("/dev/full") && Catch::Contains("space"));
}

TEST_CASE("a target that is not a regular file is written as it is, not replaced") {
  // Renaming over /dev/null or a named pipe would put a file in its place.
  const fs::path dir = fresh_directory();
  const fs::path fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  {
    AtomicFile file(fifo.string());
    REQUIRE_FALSE(temporary_in(dir));
    file.stream() << "through the pipe\n";
    file.commit();
  }
  CHECK(fs::is_fifo(fifo));
  std::string received(64, '\0');
  const ssize_t count = ::read(reader, received.data(), received.size());
  ::close(reader);
  REQUIRE(count > 0);
  received.resize(static_cast<std::size_t>(count));
  CHECK(received == "through the pipe\n");
  CHECK(entries_in(dir) == 1);

  {
    AtomicFile file("/dev/null");
    REQUIRE_FALSE(temporary_in("/dev"));
    file.stream() << "nothing";
    file.commit();
  }
  CHECK(fs::is_character_file("/dev/null"));
  fs::remove_all(dir);
}

TEST_CASE("a symbolic link stays one, and a replaced file keeps its permissions") {
  const fs::path dir = fresh_directory();
  fs::create_directory(dir / "real");
  std::ofstream(dir / "real" / "out.json") << "old";
  fs::permissions(dir / "real" / "out.json", fs::perms::owner_read | fs::perms::owner_write);
  fs::create_symlink("real/out.json", dir / "link.json");
  {
    AtomicFile file((dir / "link.json").string());
    file.stream() << "new";
    file.commit();
  }
  CHECK(fs::is_symlink(dir / "link.json"));
  CHECK(slurp(dir / "real" / "out.json") == "new");
  CHECK(fs::status(dir / "real" / "out.json").permissions() ==
        (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(entries_in(dir / "real") == 1);
  fs::remove_all(dir);
}

TEST_CASE("a symbolic link to a file not yet made makes that file, as a redirection does") {
  const fs::path dir = fresh_directory();
  fs::create_directory(dir / "real");
  fs::create_symlink("real/out.json", dir / "first.json");  // a chain of two links
  fs::create_symlink("first.json", dir / "link.json");
  {
    AtomicFile file((dir / "link.json").string());
    file.stream() << "new";
    file.commit();
  }
  CHECK(fs::is_symlink(dir / "link.json"));
  CHECK(fs::is_symlink(dir / "first.json"));
  CHECK(slurp(dir / "real" / "out.json") == "new");
  CHECK(entries_in(dir / "real") == 1);

  fs::create_symlink("loop.json", dir / "loop.json");
  CHECK_THROWS_WITH(AtomicFile((dir / "loop.json").string()),
                    Catch::Contains("loop.json") && Catch::Contains("symbolic links"));
  fs::remove_all(dir);
}

TEST_CASE("a directory is refused as a target before anything is written") {
  const fs::path dir = fresh_directory();
  CHECK_THROWS_WITH(AtomicFile(dir.string()),
                    Catch::Contains(dir.string()) && Catch::Contains("directory"));
  CHECK(entries_in(dir) == 0);
  fs::remove_all(dir);
}

TEST_CASE("a name of a closed stream of the process is an error, never a file made in its place") {
  constexpr int kClosed = 987;
  REQUIRE(::fcntl(kClosed, F_GETFD) == -1);
  const std::string name = "/dev/fd/" + std::to_string(kClosed);
  CHECK_THROWS_WITH(AtomicFile(name),
                    Catch::Contains(name) && Catch::Contains("Bad file descriptor"));
}
