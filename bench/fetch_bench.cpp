// fetch_bench: crbc's fetcher against `curl --parallel` on the same urls.
//
//   fetch_bench [--pages N] [-j N] [--page-bytes N] [--runs N] [--curl PATH]
//
// A local cpp-httplib server (its own process) serves N distinct HTML pages; each
// client runs in its own child process, measured with wait4(): wall time,
// pages/s, CPU seconds (user + system) and peak RSS. The median of --runs runs is
// printed, then the ratios crbc/curl.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "fetch/fetch.hpp"
#include "io/gzip.hpp"

namespace {

struct Settings {
  int pages = 1000;
  int parallel = 16;
  std::size_t page_bytes = 20'000;
  int runs = 3;
  std::string curl = "curl";
};

struct Measure {
  double seconds = 0;
  double cpu_seconds = 0;
  double peak_rss_mb = 0;
  bool ok = false;
};

std::string make_page(int index, std::size_t bytes) {
  std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Article " +
                     std::to_string(index) + "</title></head><body><article><h1>Article " +
                     std::to_string(index) + "</h1>";
  while (page.size() + 40 < bytes) {
    page += "<p>Paragraph of article " + std::to_string(index) + " with some words.</p>";
  }
  return page + "</article></body></html>";
}

// cpp-httplib listens with a backlog of 5: 16 clients connecting at once get SYNs
// dropped and retried a second later, which measures the server, not the
// client. Linux lets listen() be called again to raise the backlog.
void widen_listen_backlog(int port) {
  for (int fd = 3; fd < 1024; ++fd) {
    sockaddr_in address{};
    socklen_t length = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
    if (address.sin_family == AF_INET && ntohs(address.sin_port) == port) ::listen(fd, 1024);
  }
}

// Forks the server; returns its pid and port.
std::pair<pid_t, int> start_server(const Settings& settings) {
  int channel[2];
  if (::pipe(channel) != 0) std::exit(2);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(channel[0]);
    httplib::Server server;
    const int threads = settings.parallel * 2 + 4;  // one per keep-alive connection, and spare
    server.new_task_queue = [threads] {
      return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(
        100'000);  // httplib closes after 5 requests by default    // as real servers do; otherwise
                   // Nagle stalls every response
    // Made and gzipped up front, as a caching front end serves them: the server
    // should cost as little as possible (compressing on the fly, with brotli for
    // clients that accept it, costs the server more than both clients together).
    std::vector<std::string> pages;
    for (int i = 0; i < settings.pages; ++i)
      pages.push_back(crbc::io::gzip_compress(make_page(i, settings.page_bytes)));
    server.Get(R"(/page/(\d+))", [&pages](const httplib::Request& request,
                                          httplib::Response& response) {
      const auto index = std::stoul(request.matches[1]);
      if (index >= pages.size()) {
        response.status = 404;
        return;
      }
      response.set_header("Content-Encoding", "gzip");
      // A content provider: httplib compresses set_content() bodies again (brotli).
      const std::string& page = pages[index];
      response.set_content_provider(page.size(), "text/html; charset=utf-8",
                                    [&page](size_t offset, size_t length, httplib::DataSink& sink) {
                                      return sink.write(page.data() + offset, length);
                                    });
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    widen_listen_backlog(port);
    [[maybe_unused]] const auto written = ::write(channel[1], &port, sizeof port);
    ::close(channel[1]);
    server.listen_after_bind();
    ::_exit(0);
  }
  ::close(channel[1]);
  int port = 0;
  if (::read(channel[0], &port, sizeof port) != sizeof port || port <= 0) {
    std::cerr << "fetch_bench: the server did not start\n";
    std::exit(2);
  }
  ::close(channel[0]);
  return {pid, port};
}

template <typename Child>
Measure measure(Child&& child) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(child());
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  Measure result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  result.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
  result.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return result;
}

int run_crbc(const std::vector<std::string>& urls, int parallel) {
  crbc::fetch::FetchOptions options;
  options.parallel = static_cast<std::size_t>(parallel);
  options.per_host = static_cast<std::size_t>(parallel);
  options.robots = false;
  options.allow_private = true;
  options.env_proxy = false;
  crbc::fetch::Fetcher fetcher(options);
  std::vector<crbc::fetch::FetchRequest> requests;
  for (const auto& url : urls) requests.push_back({url, {}, {}});
  std::size_t ok = 0;
  fetcher.run(requests, [&](crbc::fetch::FetchResult&& page) { ok += page.ok ? 1 : 0; });
  return ok == urls.size() ? 0 : 1;
}

int run_curl(const std::string& curl, const std::string& config, int parallel) {
  const std::string max = std::to_string(parallel);
  if (std::freopen("/dev/null", "w", stderr) == nullptr) return 126;
  ::execlp(curl.c_str(), curl.c_str(), "--parallel", "--parallel-max", max.c_str(), "--noproxy",
           "*", "-s", "--no-progress-meter", "--fail", "--compressed", "-K", config.c_str(),
           static_cast<char*>(nullptr));
  return 127;
}

Measure median(std::vector<Measure> runs) {
  std::sort(runs.begin(), runs.end(),
            [](const Measure& a, const Measure& b) { return a.seconds < b.seconds; });
  Measure middle = runs[runs.size() / 2];
  for (const auto& run : runs) middle.ok = middle.ok && run.ok;
  return middle;
}

void print_row(const char* name, const Measure& m, int pages) {
  std::printf("%-28s %8.3f %10.0f %10.3f %12.1f %s\n", name, m.seconds, pages / m.seconds,
              m.cpu_seconds, m.peak_rss_mb, m.ok ? "" : "  (FAILED)");
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--pages")
      settings.pages = std::stoi(value);
    else if (flag == "-j")
      settings.parallel = std::stoi(value);
    else if (flag == "--page-bytes")
      settings.page_bytes = static_cast<std::size_t>(std::stoul(value));
    else if (flag == "--runs")
      settings.runs = std::max(1, std::stoi(value));
    else if (flag == "--curl")
      settings.curl = value;
    else {
      std::cerr
          << "usage: fetch_bench [--pages N] [-j N] [--page-bytes N] [--runs N] [--curl PATH]\n";
      return 2;
    }
  }
  const auto [server, port] = start_server(settings);
  std::vector<std::string> urls;
  for (int i = 0; i < settings.pages; ++i) {
    urls.push_back("http://127.0.0.1:" + std::to_string(port) + "/page/" + std::to_string(i));
  }
  char config_path[] = "/tmp/fetch_bench_curl_XXXXXX";
  const int config_fd = ::mkstemp(config_path);
  ::close(config_fd);
  {
    std::ofstream config(config_path);
    for (const auto& url : urls) config << "url = \"" << url << "\"\noutput = \"/dev/null\"\n";
  }

  std::vector<Measure> crbc_runs, curl_runs;
  for (int run = 0; run < settings.runs; ++run) {
    crbc_runs.push_back(measure([&] { return run_crbc(urls, settings.parallel); }));
    curl_runs.push_back(
        measure([&] { return run_curl(settings.curl, config_path, settings.parallel); }));
  }
  ::unlink(config_path);
  ::kill(server, SIGTERM);
  ::waitpid(server, nullptr, 0);

  const Measure crbc = median(crbc_runs);
  const Measure curl = median(curl_runs);
  std::printf("fetch_bench: %d pages of %zu bytes from 127.0.0.1, -j %d, median of %d runs\n",
              settings.pages, settings.page_bytes, settings.parallel, settings.runs);
  std::printf("%-28s %8s %10s %10s %12s\n", "client", "wall s", "pages/s", "CPU s", "peak RSS MB");
  print_row("crbc fetch (library)", crbc, settings.pages);
  print_row("curl --parallel-max N", curl, settings.pages);
  std::printf("ratio crbc/curl: pages/s %.2f, CPU s %.2f, peak RSS %.2f\n",
              curl.seconds / crbc.seconds, crbc.cpu_seconds / curl.cpu_seconds,
              crbc.peak_rss_mb / curl.peak_rss_mb);
  return crbc.ok && curl.ok ? 0 : 1;
}
