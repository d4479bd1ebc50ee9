// `crbc fetch` as the README runs it: the real binary in a pipe, against a local
// news site. The cron pipeline interrupted at random moments loses no article;
// a closed pipe ends fetch quietly.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "fetch/test_server.hpp"
#include "support/temp_dir.hpp"

extern char** environ;

using namespace std::chrono_literals;
using crbc::fetch::testing::TestServer;
using crbc::testing::TemporaryDirectory;

namespace {

constexpr int kArticles = 10;

std::string article_path(int number) {
  return "/news/article-" + std::to_string(number);
}

// A page the extractor takes for an article; `paragraphs` sets its size.
std::string article_page(int number, int paragraphs) {
  const std::string title = "Story number " + std::to_string(number);
  std::string page = "<!DOCTYPE html><html lang=\"en\"><head><title>" + title +
                     "</title></head><body><article><h1>" + title + "</h1>";
  for (int i = 0; i < paragraphs; ++i) {
    page += "<p>Paragraph " + std::to_string(i) + " of story " + std::to_string(number) +
            ": the council met on Tuesday and agreed to repair the old bridge before winter, "
            "after residents had asked for it for years.</p>";
  }
  return page + "</article></body></html>";
}

// A feed of kArticles articles. Each article is answered after `delay`, so that a
// run can be interrupted while pages are in flight; served() counts them.
class NewsSite {
 public:
  explicit NewsSite(std::chrono::milliseconds delay, int paragraphs = 4)
      : delay_(delay),
        paragraphs_(paragraphs),
        server_([this](httplib::Server& s) { routes(s); }) {}

  std::string feed_url() const { return server_.url("/feed.xml"); }
  std::string article_url(int number) const { return server_.url(article_path(number)); }
  int served() const { return served_; }

 private:
  void routes(httplib::Server& s) {
    s.Get("/feed.xml", [this](const httplib::Request&, httplib::Response& response) {
      std::string items;
      for (int n = 1; n <= kArticles; ++n)
        items += "<item><link>" + article_url(n) + "</link></item>";
      response.set_content("<rss><channel>" + items + "</channel></rss>", "application/rss+xml");
    });
    s.Get(R"(/news/article-(\d+))",
          [this](const httplib::Request& request, httplib::Response& response) {
            std::this_thread::sleep_for(delay_);
            response.set_content(article_page(std::stoi(request.matches[1]), paragraphs_),
                                 "text/html; charset=utf-8");
            ++served_;
          });
  }

  std::chrono::milliseconds delay_;
  int paragraphs_;
  std::atomic<int> served_{0};
  TestServer server_;  // last: its thread stops before what the routes use goes
};

// A file descriptor closed on scope exit.
class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(Descriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Descriptor& operator=(Descriptor&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

using Command = std::vector<std::string>;

// The stages of a shell pipeline, spawned in a process group of their own (as cron
// or a terminal would), the first reading /dev/null, the last appending to a file.
// Reaped by wait(), or killed and reaped on destruction.
class Pipeline {
 public:
  Pipeline(const std::vector<Command>& stages, const std::string& output)
      : Pipeline(
            stages, Descriptor(::open("/dev/null", O_RDONLY | O_CLOEXEC)),
            Descriptor(::open(output.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644))) {}

  // The first stage reads `input`, the last writes `output`.
  Pipeline(const std::vector<Command>& stages, Descriptor input, Descriptor output) {
    Descriptor in = std::move(input);
    for (std::size_t i = 0; i < stages.size(); ++i) {
      const bool last = i + 1 == stages.size();
      int ends[2] = {-1, -1};
      if (!last && ::pipe2(ends, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
      Descriptor read_end(ends[0]);
      Descriptor write_end(ends[1]);
      spawn(stages[i], in.get(), last ? output.get() : write_end.get());
      in = std::move(read_end);
    }
  }
  ~Pipeline() {
    if (running()) interrupt(SIGKILL);
    wait();
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  void interrupt(int signal = SIGINT) const { ::kill(-group_, signal); }

  // Whether any stage still runs (those that ended are reaped).
  bool running() {
    for (Stage& stage : stages_) {
      if (stage.status < 0 && ::waitpid(stage.pid, &stage.status, WNOHANG) == 0) stage.status = -1;
    }
    return std::any_of(stages_.begin(), stages_.end(), [](const Stage& s) { return s.status < 0; });
  }

  // Waits for every stage; their exit statuses (128 + signal when killed).
  std::vector<int> wait() {
    std::vector<int> statuses;
    for (Stage& stage : stages_) {
      if (stage.status < 0) ::waitpid(stage.pid, &stage.status, 0);
      statuses.push_back(WIFEXITED(stage.status) ? WEXITSTATUS(stage.status)
                                                 : 128 + WTERMSIG(stage.status));
    }
    return statuses;
  }

 private:
  struct Stage {
    pid_t pid = -1;
    int status = -1;  // raw waitpid status once reaped
  };

  void spawn(const Command& command, int in, int out) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out, STDOUT_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, group_ > 0 ? group_ : 0);
    std::vector<char*> argv;
    for (const std::string& argument : command) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int error = posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0) throw std::runtime_error("posix_spawn failed");
    if (group_ <= 0) group_ = pid;
    stages_.push_back({pid, -1});
  }

  pid_t group_ = 0;
  std::vector<Stage> stages_;
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The README's cron line, with what a local server needs (--allow-private,
// --no-robots), the last stage acknowledging delivery into fetch's state.
std::vector<Command> cron_pipeline(const NewsSite& site, const std::string& state) {
  const std::string crbc = CRBC_BINARY;
  return {{crbc, "fetch", "-q", "--state", state, "--new-only", "--allow-private", "--no-robots",
           "--feed", site.feed_url()},
          {crbc, "parse", "-q"},
          {crbc, "convert", "-q", "-t", "yaml", "--ack-state", state}};
}

// How many records of each article the YAML output holds, by the record's url.
std::map<int, int> articles_in(const NewsSite& site, const std::string& yaml) {
  std::map<int, int> counts;
  std::istringstream lines(yaml);
  for (std::string line; std::getline(lines, line);) {
    for (int n = 1; n <= kArticles; ++n) {
      if (line == "url: \"" + site.article_url(n) + "\"") ++counts[n];
    }
  }
  return counts;
}

}  // namespace

TEST_CASE("the cron pipeline interrupted at random moments loses no article", "[fetch][delivery]") {
  constexpr int kRounds = 5;
  NewsSite site(150ms);
  const TemporaryDirectory scratch("crbc-fetch-pipe");
  const std::string state = scratch.file("fetch.db");
  const std::string output = scratch.file("articles.yaml");
  const auto seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 random(seed);

  for (int round = 0; round < kRounds; ++round) {
    // Interrupt once the site has served a random number of articles (all of the
    // round's may come first: the kill then lands in parse or convert, or after).
    const int target = site.served() + std::uniform_int_distribution<int>(1, kArticles)(random);
    Pipeline run(cron_pipeline(site, state), output);
    const auto give_up = std::chrono::steady_clock::now() + 60s;
    while (site.served() < target && run.running() && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(2ms);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 150)(random)));
    run.interrupt();
    run.wait();
  }
  {
    Pipeline last(cron_pipeline(site, state), output);
    CHECK(last.wait() == std::vector<int>{0, 0, 0});
  }
  const std::map<int, int> counts = articles_in(site, read_text(output));
  int records = 0;
  for (int n = 1; n <= kArticles; ++n) {
    INFO("article " << n);
    CHECK(counts.contains(n));
    if (counts.contains(n)) records += counts.at(n);
  }
  // At-least-once: only the record between its write and its acknowledgement
  // can come twice, one per interruption at most.
  CHECK(records <= kArticles + kRounds);

  // What was delivered is never sent again.
  const std::size_t size_before = std::filesystem::file_size(output);
  Pipeline again(cron_pipeline(site, state), output);
  CHECK(again.wait() == std::vector<int>{0, 0, 0});
  CHECK(std::filesystem::file_size(output) == size_before);
}

TEST_CASE("parse and convert pass each record on before their input ends", "[fetch][pipe]") {
  int into[2], from[2];
  REQUIRE(::pipe2(into, O_CLOEXEC) == 0);
  REQUIRE(::pipe2(from, O_CLOEXEC) == 0);
  Descriptor feed_end(into[1]), read_end(from[0]);
  const std::string crbc = CRBC_BINARY;
  Pipeline stages({{crbc, "parse", "-q", "-t", "ndjson"}, {crbc, "convert", "-q", "-t", "yaml"}},
                  Descriptor(into[0]), Descriptor(from[1]));
  const std::string record =
      nlohmann::json{{"url", "https://example.org/a"}, {"html", article_page(1, 3)}}.dump() + "\n";
  REQUIRE(::write(feed_end.get(), record.data(), record.size()) ==
          static_cast<ssize_t>(record.size()));
  // The input stays open: the record must come out all the same. (The poll only
  // bounds a hang; a buffering stage never answers.)
  std::string yaml;
  while (yaml.find("Story number 1") == std::string::npos) {
    pollfd readable{read_end.get(), POLLIN, 0};
    REQUIRE(::poll(&readable, 1, 60'000) == 1);
    char buffer[4096];
    const ssize_t got = ::read(read_end.get(), buffer, sizeof buffer);
    REQUIRE(got > 0);
    yaml.append(buffer, static_cast<std::size_t>(got));
  }
  CHECK(stages.running());
  { Descriptor closed = std::move(feed_end); }
  CHECK(stages.wait() == std::vector<int>{0, 0});
}

TEST_CASE("fetch into a pipe closed early ends quietly with status 0", "[fetch][pipe]") {
  NewsSite site(0ms, 200);  // ten pages of about 40 KB: more than a pipe holds
  const TemporaryDirectory scratch("crbc-fetch-pipe");
  const std::string command = "{ '" + std::string(CRBC_BINARY) +
                              "' fetch --allow-private --no-robots --feed '" + site.feed_url() +
                              "' 2>'" + scratch.file("err") + "'; echo $? >'" +
                              scratch.file("status") + "'; } | head -c 100 >/dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(read_text(scratch.file("status")) == "0\n");
  CHECK(read_text(scratch.file("err")).empty());
}
