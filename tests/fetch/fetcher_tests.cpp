// The fetcher against a real local server: statuses, redirects, retries, limits.
#include <atomic>
#include <catch2/catch.hpp>
#include <set>

#include "fetch/fetch.hpp"
#include "fetch/test_server.hpp"
#include "io/gzip.hpp"

using namespace std::chrono_literals;
using crbc::fetch::Fetcher;
using crbc::fetch::FetchResult;
using crbc::fetch::testing::local_options;
using crbc::fetch::testing::TestServer;

namespace {

const std::string kPage =
    "<html><head><title>Hello</title></head><body><p>caf\xC3\xA9</p></body></html>";

void basic_routes(httplib::Server& server) {
  server.Get("/ok", [](const httplib::Request&, httplib::Response& response) {
    response.set_header("ETag", "\"v1\"");
    response.set_content(kPage, "text/html; charset=UTF-8");
  });
  server.Get(R"(/redirect/(\d+))",
             [](const httplib::Request& request, httplib::Response& response) {
               const int hops = std::stoi(request.matches[1]);
               response.set_redirect(hops == 0 ? "/ok" : "/redirect/" + std::to_string(hops - 1));
             });
  server.Get("/loop", [](const httplib::Request&, httplib::Response& response) {
    response.set_redirect("/loop");
  });
  server.Get("/to-file", [](const httplib::Request&, httplib::Response& response) {
    response.set_redirect("file:///etc/passwd");
  });
  server.Get("/missing", [](const httplib::Request&, httplib::Response& response) {
    response.status = 404;
    response.set_content("gone", "text/plain");
  });
}

// `path` fetched once, with local_options(), from a fresh server with basic_routes.
struct BasicFetch {
  explicit BasicFetch(const std::string& path)
      : page(Fetcher(local_options()).fetch_one({server.url(path)})) {}

  TestServer server{basic_routes};  // first: the fetch needs it
  FetchResult page;
};

}  // namespace

TEST_CASE("a 200 page comes back with its body, status and headers", "[fetch]") {
  const BasicFetch fetched("/ok");
  const FetchResult& page = fetched.page;
  CHECK(page.ok);
  CHECK(page.error.empty());
  CHECK(page.status == 200);
  CHECK(page.body == kPage);
  CHECK(page.final_url == fetched.server.url("/ok"));
  CHECK(page.charset == "utf-8");
  CHECK(page.headers.at("etag") == "\"v1\"");
  CHECK(page.fetched_at.size() == 20);
  CHECK(page.attempts == 1);
}

TEST_CASE("redirect chains are followed and the final url recorded", "[fetch]") {
  const BasicFetch fetched("/redirect/3");
  const FetchResult& page = fetched.page;
  CHECK(page.ok);
  CHECK(page.url == fetched.server.url("/redirect/3"));
  CHECK(page.final_url == fetched.server.url("/ok"));
  CHECK(page.body == kPage);
}

TEST_CASE("a redirect loop and a chain longer than the limit fail", "[fetch]") {
  TestServer server(basic_routes);
  auto options = local_options();
  options.max_redirects = 2;
  Fetcher fetcher(options);
  const FetchResult loop = fetcher.fetch_one({server.url("/loop")});
  CHECK_FALSE(loop.ok);
  CHECK_THAT(loop.error, Catch::Contains("too many redirects"));
  const FetchResult chain = fetcher.fetch_one({server.url("/redirect/5")});
  CHECK_FALSE(chain.ok);
  CHECK_THAT(chain.error, Catch::Contains("too many redirects"));
}

TEST_CASE("a redirect to another scheme is refused", "[fetch]") {
  const FetchResult page = BasicFetch("/to-file").page;
  CHECK_FALSE(page.ok);
  CHECK_THAT(page.error, Catch::Contains("scheme"));
}

TEST_CASE("a 404 fails at once, without retries", "[fetch]") {
  const FetchResult page = BasicFetch("/missing").page;
  CHECK_FALSE(page.ok);
  CHECK(page.status == 404);
  CHECK(page.error == "HTTP 404");
  CHECK(page.attempts == 1);
}

TEST_CASE("bad urls fail with a message and do not stop the batch", "[fetch]") {
  TestServer server(basic_routes);
  Fetcher fetcher(local_options());
  std::vector<FetchResult> pages;
  fetcher.run({{"ftp://127.0.0.1/x"}, {"not a url"}, {server.url("/ok")}},
              [&](FetchResult&& page) { pages.push_back(std::move(page)); });
  REQUIRE(pages.size() == 3);
  int ok = 0;
  for (const auto& page : pages) {
    if (page.ok) {
      ++ok;
    } else {
      CHECK_THAT(page.error, Catch::Contains("http"));
    }
  }
  CHECK(ok == 1);
}

TEST_CASE("429 with Retry-After is retried after the delay", "[fetch]") {
  std::atomic<int> calls{0};
  TestServer server([&](httplib::Server& s) {
    s.Get("/busy", [&](const httplib::Request&, httplib::Response& response) {
      if (calls++ == 0) {
        response.status = 429;
        response.set_header("Retry-After", "1");
        return;
      }
      response.set_content(kPage, "text/html");
    });
  });
  Fetcher fetcher(local_options());
  const auto start = std::chrono::steady_clock::now();
  const FetchResult page = fetcher.fetch_one({server.url("/busy")});
  const auto waited = std::chrono::steady_clock::now() - start;
  CHECK(page.ok);
  CHECK(page.attempts == 2);
  CHECK(calls == 2);
  CHECK(waited >= 900ms);  // the server asked for 1 s; the backoff alone is 20 ms
}

TEST_CASE("a Retry-After beyond the cap fails instead of waiting", "[fetch]") {
  TestServer server([](httplib::Server& s) {
    s.Get("/later", [](const httplib::Request&, httplib::Response& response) {
      response.status = 503;
      response.set_header("Retry-After", "3600");
    });
  });
  auto options = local_options();
  options.retry_after_max = 5s;
  Fetcher fetcher(options);
  const FetchResult page = fetcher.fetch_one({server.url("/later")});
  CHECK_FALSE(page.ok);
  CHECK(page.attempts == 1);
  CHECK_THAT(page.error, Catch::Contains("HTTP 503") && Catch::Contains("retry after 3600 s"));
}

TEST_CASE("503 then 200 is retried and succeeds", "[fetch]") {
  std::atomic<int> calls{0};
  TestServer server([&](httplib::Server& s) {
    s.Get("/flaky", [&](const httplib::Request&, httplib::Response& response) {
      if (calls++ < 2) {
        response.status = 503;
        return;
      }
      response.set_content(kPage, "text/html");
    });
  });
  Fetcher fetcher(local_options());
  const FetchResult page = fetcher.fetch_one({server.url("/flaky")});
  CHECK(page.ok);
  CHECK(page.attempts == 3);

  calls = 0;
  auto options = local_options();
  options.retries = 1;
  Fetcher impatient(options);
  const FetchResult failed = impatient.fetch_one({server.url("/flaky")});
  CHECK_FALSE(failed.ok);
  CHECK(failed.status == 503);
  CHECK(failed.attempts == 2);
}

TEST_CASE("a server dripping bytes below the low-speed limit is abandoned", "[fetch]") {
  std::atomic<bool> stop{false};
  TestServer server([&](httplib::Server& s) {
    s.Get("/drip", [&](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("text/html",
                                            [&](size_t offset, httplib::DataSink& sink) {
                                              if (stop || offset > 40) return false;
                                              std::this_thread::sleep_for(200ms);
                                              return sink.write("x", 1);
                                            });
    });
  });
  auto options = local_options();
  options.low_speed_bytes = 1000;
  options.low_speed_time = 1s;
  options.retries = 0;
  Fetcher fetcher(options);
  const FetchResult page = fetcher.fetch_one({server.url("/drip")});
  stop = true;
  CHECK_FALSE(page.ok);
  CHECK_THAT(page.error, Catch::Contains("timed out"));
}

TEST_CASE("a connection reset mid-body is an error, retried", "[fetch]") {
  std::atomic<int> calls{0};
  TestServer server([&](httplib::Server& s) {
    s.Get("/reset", [&](const httplib::Request&, httplib::Response& response) {
      ++calls;
      response.set_content_provider(
          100'000, "text/html", [](size_t offset, size_t, httplib::DataSink& sink) {
            if (offset > 0) return false;  // promised 100,000 bytes, sends 1,000 and hangs up
            const std::string part(1000, 'a');
            return sink.write(part.data(), part.size());
          });
    });
  });
  auto options = local_options();
  options.retries = 1;
  Fetcher fetcher(options);
  const FetchResult page = fetcher.fetch_one({server.url("/reset")});
  CHECK_FALSE(page.ok);
  CHECK(page.body.empty());
  CHECK_FALSE(page.error.empty());
  CHECK(page.attempts == 2);
  CHECK(calls == 2);
}

TEST_CASE("a gzip bomb is refused, not inflated", "[fetch]") {
  const std::string bomb = crbc::io::gzip_compress(std::string(std::size_t{16} << 20, '\0'));
  REQUIRE(bomb.size() < 100'000);
  TestServer server([&](httplib::Server& s) {
    s.Get("/bomb", [&](const httplib::Request&, httplib::Response& response) {
      response.set_header("Content-Encoding", "gzip");
      response.set_content(bomb, "text/html");
    });
    s.Get("/small-gzip", [](const httplib::Request&, httplib::Response& response) {
      response.set_header("Content-Encoding", "gzip");
      response.set_content(crbc::io::gzip_compress(kPage), "text/html; charset=utf-8");
    });
  });
  auto options = local_options();
  options.max_size = 1 << 20;
  Fetcher fetcher(options);
  const FetchResult page = fetcher.fetch_one({server.url("/bomb")});
  CHECK_FALSE(page.ok);
  CHECK_THAT(page.error, Catch::Contains("larger than the limit"));
  CHECK(page.attempts == 1);
  const FetchResult small = fetcher.fetch_one({server.url("/small-gzip")});
  CHECK(small.ok);
  CHECK(small.body == kPage);
}

TEST_CASE("a body over the size limit is refused, with or without Content-Length", "[fetch]") {
  const std::string big(300'000, 'b');
  TestServer server([&](httplib::Server& s) {
    s.Get("/big", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content(big, "text/html");
    });
    s.Get("/big-chunked", [&](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("text/html", [&](size_t offset,
                                                             httplib::DataSink& sink) {
        if (offset >= big.size()) {
          sink.done();
          return true;
        }
        return sink.write(big.data() + offset, std::min<std::size_t>(big.size() - offset, 16'384));
      });
    });
  });
  auto options = local_options();
  options.max_size = 100'000;
  Fetcher fetcher(options);
  for (const char* path : {"/big", "/big-chunked"}) {
    const FetchResult page = fetcher.fetch_one({server.url(path)});
    CHECK_FALSE(page.ok);
    CHECK_THAT(page.error, Catch::Contains("larger than the limit of 100000 bytes"));
  }
}

TEST_CASE("the header charset is reported as sent: wrong, missing or absent", "[fetch]") {
  const std::string utf8_page = "<html><body>d\xC3\xA9j\xC3\xA0 vu</body></html>";
  TestServer server([&](httplib::Server& s) {
    s.Get("/wrong", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content(utf8_page, "text/html; charset=\"ISO-8859-1\"");
    });
    s.Get("/missing", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content(utf8_page, "text/html");
    });
  });
  Fetcher fetcher(local_options());
  const FetchResult wrong = fetcher.fetch_one({server.url("/wrong")});
  CHECK(wrong.ok);
  CHECK(wrong.charset == "iso-8859-1");
  CHECK(wrong.body == utf8_page);  // bytes untouched: parse decides the real charset
  const FetchResult missing = fetcher.fetch_one({server.url("/missing")});
  CHECK(missing.ok);
  CHECK(missing.charset.empty());
  CHECK(missing.content_type == "text/html");
  const auto record = crbc::fetch::fetch_record(missing);
  CHECK(record["fetch"]["charset"] == "");
  CHECK(record["html"] == utf8_page);
}

TEST_CASE("private addresses are refused unless allowed", "[fetch][security]") {
  std::atomic<int> calls{0};
  TestServer server([&](httplib::Server& s) {
    s.Get("/secret", [&](const httplib::Request&, httplib::Response& response) {
      ++calls;
      response.set_content("secret", "text/plain");
    });
    s.Get("/hop", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/secret");
    });
  });
  auto options = local_options();
  options.allow_private = false;
  Fetcher fetcher(options);
  for (const char* path : {"/secret", "/hop"}) {
    const FetchResult page = fetcher.fetch_one({server.url(path)});
    CHECK_FALSE(page.ok);
    CHECK_THAT(page.error, Catch::Contains("private address 127.0.0.1"));
    CHECK(page.attempts == 1);
  }
  CHECK(calls == 0);

  const FetchResult allowed = Fetcher(local_options()).fetch_one({server.url("/hop")});
  CHECK(allowed.ok);
  CHECK(calls == 1);
}

TEST_CASE("many pages in parallel each come back once", "[fetch]") {
  std::atomic<int> in_flight{0};
  std::atomic<int> most{0};
  TestServer server([&](httplib::Server& s) {
    s.Get(R"(/page/(\d+))", [&](const httplib::Request& request, httplib::Response& response) {
      const int now = ++in_flight;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(5ms);
      --in_flight;
      response.set_content("<p>" + std::string(request.matches[1]) + "</p>", "text/html");
    });
  });
  auto options = local_options();
  options.parallel = 8;
  options.per_host = 3;
  Fetcher fetcher(options);
  std::vector<crbc::fetch::FetchRequest> requests;
  for (int i = 0; i < 60; ++i) requests.push_back({server.url("/page/" + std::to_string(i))});
  std::set<std::string> bodies;
  fetcher.run(requests, [&](FetchResult&& page) {
    CHECK(page.ok);
    bodies.insert(page.body);
  });
  CHECK(bodies.size() == 60);
  CHECK(most <= 3);  // the per-host limit holds
}

TEST_CASE("robots.txt is honoured and fetched once per host", "[fetch][robots]") {
  std::atomic<int> robots_calls{0};
  TestServer server([&](httplib::Server& s) {
    s.Get("/robots.txt", [&](const httplib::Request&, httplib::Response& response) {
      ++robots_calls;
      response.set_content(
          "User-agent: *\nDisallow: /private\n\nUser-agent: otherbot\nDisallow: /\n", "text/plain");
    });
    s.Get(R"(/(public|private)/(\w+))", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(kPage, "text/html");
    });
  });
  auto options = local_options();
  options.robots = true;
  Fetcher fetcher(options);
  std::map<std::string, FetchResult> pages;
  fetcher.run({{server.url("/public/a")}, {server.url("/private/b")}, {server.url("/public/c")}},
              [&](FetchResult&& page) { pages[page.url] = std::move(page); });
  CHECK(pages.at(server.url("/public/a")).ok);
  CHECK(pages.at(server.url("/public/c")).ok);
  CHECK_FALSE(pages.at(server.url("/private/b")).ok);
  CHECK_THAT(pages.at(server.url("/private/b")).error, Catch::Contains("robots.txt"));
  CHECK(fetcher.fetch_one({server.url("/public/d")}).ok);
  CHECK(robots_calls == 1);

  options.robots = false;
  CHECK(Fetcher(options).fetch_one({server.url("/private/b")}).ok);
}

TEST_CASE("per-host delay spaces out request starts", "[fetch]") {
  TestServer server(basic_routes);
  auto options = local_options();
  options.per_host_delay = 150ms;
  Fetcher fetcher(options);
  const auto start = std::chrono::steady_clock::now();
  int done = 0;
  fetcher.run({{server.url("/ok")}, {server.url("/ok?2")}, {server.url("/ok?3")}},
              [&](FetchResult&& page) {
                CHECK(page.ok);
                ++done;
              });
  CHECK(done == 3);
  CHECK(std::chrono::steady_clock::now() - start >= 300ms);
}
